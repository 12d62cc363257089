// The boundary check on feed items (after karakeep's feedParser): every item is a
// candidate built from untrusted input, and only candidates that pass this schema leave
// the module. A failing item is dropped and counted, never thrown.
import { z } from 'zod';
import type { FeedItem } from './types.js';

/** Longer guids are junk (a whole article pasted into <guid>), not identities. */
const MAX_GUID_LENGTH = 2048;
/** Browsers and servers commonly refuse URLs past about 8 KB. */
const MAX_URL_LENGTH = 8192;

const isoDate = z.iso.datetime({ offset: true }).nullable();

const httpUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'not an absolute http(s) URL');

export const feedItemSchema = z
  .object({
    guid: z.string().trim().min(1).max(MAX_GUID_LENGTH),
    url: httpUrl.nullable(),
    title: z.string().nullable(),
    published: isoDate,
    updated: isoDate,
    author: z.string().nullable(),
    summary: z.string().nullable(),
    contentHtml: z.string().nullable(),
  })
  .refine(
    (item) => Boolean(item.url || item.title || item.summary || item.contentHtml),
    'the item has no link, title or content',
  ) satisfies z.ZodType<FeedItem>;
