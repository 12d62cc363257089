// Inputs made to hurt a parser: real documents cut, spliced or repeated; markup nested far
// deeper than any recursion should go; entity expansion; JSON of every wrong shape; bytes
// in mixed, invalid or lying encodings, and binary files that claim to be HTML.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { DATA_DIR, ROOT } from '../test-support/index.js';
import { HOSTILE_HTML } from '../test-support/store.js';

const FEEDS = join(ROOT, 'src/ingest/feeds/__fixtures__');
export const feedSamples = readdirSync(FEEDS).map((f) => readFileSync(join(FEEDS, f), 'utf8'));

/** Real news pages (the article-extraction benchmark's), and our hostile page. */
const ASB = join(DATA_DIR, 'extraction/asb/html');
export const pageSamples = [
  HOSTILE_HTML,
  ...(existsSync(ASB) ? readdirSync(ASB).sort().slice(0, 20) : []).map((f) =>
    gunzipSync(readFileSync(join(ASB, f))).toString('utf8'),
  ),
];

/** A document cut, spliced with noise, or with a stretch repeated. */
export function mutated(docs: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      docs,
      fc.nat(),
      fc.nat(),
      fc.string({ unit: 'binary', maxLength: 64 }),
      fc.integer({ min: 0, max: 3 }),
    )
    .map(([doc, a, b, noise, how]) => {
      const i = a % (doc.length + 1);
      const j = i + (b % Math.max(1, doc.length - i + 1));
      if (how === 0) return doc.slice(0, i); // truncated
      if (how === 1) return doc.slice(0, i) + noise + doc.slice(j); // spliced
      if (how === 2) return doc.slice(0, i) + doc.slice(i, j).repeat(20) + doc.slice(j); // repeated
      return doc.slice(i); // beheaded
    });
}

/** Markup nested deeper than any parser's recursion should go. */
export const deep = fc
  .tuple(
    fc.constantFrom('div', 'p', 'b', 'item', 'entry', 'a'),
    fc.integer({ min: 1, max: 20_000 }),
  )
  .map(([tag, n]) => `${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}`);

/** An element whose attribute runs to megabytes. */
export const hugeAttribute = fc
  .tuple(
    fc.constantFrom('a href', 'img src', 'div class', 'meta content'),
    fc.integer({ min: 1, max: 4_000_000 }),
  )
  .map(([attr, n]) => {
    const [tag, name] = attr.split(' ');
    return `<html><body><article><p>Text before.</p><${tag} ${name}="${'x'.repeat(n)}">y</${tag}><p>Text after.</p></article></body></html>`;
  });

/** "Billion laughs" and external entities, in an RSS envelope. */
export const entities = fc.integer({ min: 1, max: 10 }).map(
  (n) => `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&d;</title>${'<item><title>&d;&xxe;</title><link>http://x.test/</link></item>'.repeat(n)}</channel></rss>`,
);

export const text = fc.string({ unit: 'grapheme', maxLength: 2000 });
export const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 2000 }));

/** A value of the wrong type where a JSON feed expects a string. */
const jsonish = fc.oneof(
  fc.string(),
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'data:text/html,<script>1</script>', '//x.test/a', ''),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.jsonValue({ maxDepth: 3 }),
);

/** JSON Feeds, right and wrong: every field may be missing, mistyped or hostile. */
export const jsonFeed = fc
  .record(
    {
      version: fc.oneof(
        fc.constantFrom('https://jsonfeed.org/version/1', 'https://jsonfeed.org/version/1.1'),
        jsonish,
      ),
      title: jsonish,
      home_page_url: jsonish,
      items: fc.oneof(
        fc.array(
          fc.record(
            {
              id: jsonish,
              url: jsonish,
              external_url: jsonish,
              title: jsonish,
              content_html: jsonish,
              content_text: jsonish,
              summary: jsonish,
              date_published: jsonish,
              date_modified: jsonish,
              author: fc.oneof(fc.record({ name: jsonish }), jsonish),
              authors: fc.oneof(fc.array(fc.record({ name: jsonish }), { maxLength: 3 }), jsonish),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 30 },
        ),
        jsonish,
      ),
    },
    { requiredKeys: [] },
  )
  .map((feed) => JSON.stringify(feed));

/** Labels a page may declare: real, legacy, misspelt, and ones TextDecoder refuses. */
const charsetLabel = fc.constantFrom(
  'utf-8',
  'UTF8',
  'iso-8859-1',
  'windows-1252',
  'shift_jis',
  'euc-kr',
  'gb18030',
  'big5',
  'koi8-r',
  'utf-16le',
  'utf-16be',
  'utf-7',
  'replacement',
  'x-user-defined',
  'bogus-charset',
  '"utf-8"',
  '',
);

/** Files that are not HTML, as a server might mislabel them. */
const binaryHeads = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x1f, 0x8b, 0x08, 0x00], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip
  [0xff, 0xd8, 0xff, 0xe0], // JPEG
];

/** Text encoded one way or another, with byte-order marks that may lie. */
const encodedPart = fc
  .tuple(
    fc.oneof(mutated(fc.constantFrom(...pageSamples)), text),
    fc.constantFrom('utf8', 'utf16le', 'latin1', 'utf16be', 'bom8', 'bom16'),
  )
  .map(([s, how]) => {
    if (how === 'utf16be') return Buffer.from(s, 'utf16le').swap16();
    if (how === 'bom8')
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'latin1')]);
    if (how === 'bom16') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf8')]);
    return Buffer.from(s, how);
  });

/** A page's bytes and the Content-Type it came with. */
export interface EncodedPage {
  bytes: Uint8Array;
  contentType: string | null;
  kind: 'html' | 'text' | 'record';
}

export const encodedPage: fc.Arbitrary<EncodedPage> = fc
  .record({
    parts: fc.array(
      fc.oneof(
        encodedPart,
        fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
        fc
          .tuple(fc.constantFrom(...binaryHeads), fc.uint8Array({ maxLength: 8192 }))
          .map(([head, rest]) => Buffer.concat([Buffer.from(head), Buffer.from(rest)])),
        charsetLabel.map((l) => Buffer.from(`<meta charset="${l}"><?xml encoding="${l}"?>`)),
        fc
          .record({ title: text, text, byline: text }, { requiredKeys: [] })
          .map((record) => Buffer.from(JSON.stringify(record))),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    header: fc.option(charsetLabel.map((l) => `text/html; charset=${l}`)),
    kind: fc.constantFrom('html' as const, 'text' as const, 'record' as const),
  })
  .map(({ parts, header, kind }) => ({ bytes: Buffer.concat(parts), contentType: header, kind }));
