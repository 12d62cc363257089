// Which outlet an article belongs to, from what the page, the record or the input says.
import type { ArticleDraft, Capture } from '../core/types.js';
import { hostOf } from '../core/url.js';
import type { SourceInput } from '../store/source-repo.js';

/** A stable key from an outlet's name ("The Washington Post" → "the-washington-post"). */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}

/**
 * The source of an article: the site's domain when it has a URL, else the publisher the
 * record names, else the fallback the user gave (or the folder the file came from).
 */
export function resolveSource(draft: ArticleDraft, capture: Capture, fallback: string): SourceInput {
  const domain = hostOf(draft.canonicalUrl ?? draft.url ?? capture.url);
  const site = draft.site?.trim() || null;
  if (domain) return { key: domain, name: site ?? domain, domain };
  if (site) return { key: slugify(site), name: site, domain: null };
  return { key: `local/${slugify(fallback)}`, name: fallback, domain: null };
}
