// Screenshots of the web UI for the README: builds a store from the openly licensed
// open-news articles and the seed through the real pipeline (ingest, analysis, stories),
// serves it, and saves 1280-pixel-wide PNGs of the stories page, the story with the most
// outlets, one of its articles and a search to docs/screenshots/.
//
//   npx tsx scripts/screenshots.ts [--out docs/screenshots]
//
// Needs Debian's chromium (or SITREP_CHROMIUM) and ../shared/data (or SITREP_DATA).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../src/api/app.js';
import { processPending } from '../src/pipeline/process.js';
import { storeCaptures } from '../src/pipeline/store-captures.js';
import { openStore } from '../src/store/index.js';
import { launchBrowser, serveApp } from '../src/test-support/browser.js';
import { DATA_DIR, ROOT, readShared, SEED_FILE } from '../src/test-support/index.js';
import { capture } from '../src/test-support/store.js';

const WIDTH = 1280;
const VIEWPORT_HEIGHT = 900;
/** Long pages are cut here: enough to show every section's start without a poster. */
const MAX_HEIGHT = 2600;

const argv = process.argv.slice(2);
const outAt = argv.indexOf('--out');
const out = resolve(ROOT, outAt >= 0 ? (argv[outAt + 1] ?? '') : 'docs/screenshots');

const newsFile = join(DATA_DIR, 'open-news/articles.jsonl');
const news = readShared(newsFile);
const seed = readShared(SEED_FILE);
if (news === null || seed === null) process.exit(1);

const started = Date.now();
const store = await openStore(':memory:');
const records = news
  .split('\n')
  .map((line, i) => ({ line, i }))
  .filter(({ line }) => line.trim() !== '')
  .map(({ line, i }) => ({
    capture: capture('record', `file:///open-news/articles.jsonl#L${i + 1}`, line),
    label: `open-news:${i + 1}`,
  }));
// Records name their outlet; the seed names none, and must not be credited to open-news.
await storeCaptures({ store }, records, 'open-news');
await storeCaptures(
  { store },
  [{ capture: capture('text', 'file:///seed/000.txt', seed), label: 'seed' }],
  'seed',
);
const processed = await processPending({ store });
process.stdout.write(
  `store: ${await store.articles.count()} articles, ${processed.placed} placed, in ${Date.now() - started} ms\n`,
);

// The story with the most outlets (then the most articles) shows coverage and claims best.
const stories = await store.stories.list({ limit: 500 });
const story = stories.reduce((a, b) =>
  b.sources > a.sources || (b.sources === a.sources && b.articles > a.articles) ? b : a,
);
const members = await store.stories.members(story.id);
let article = members[0]!.articleId;
let mostFound = -1;
for (const m of members) {
  const found =
    (await store.annotations.claims(m.articleId)).length +
    (await store.annotations.mentions(m.articleId)).length;
  if (found > mostFound) [article, mostFound] = [m.articleId, found];
}
const query = story.topEntities[0]?.name ?? 'election';

const server = await serveApp(createApp({ store }));
const browser = await launchBrowser();
mkdirSync(out, { recursive: true });
const shots: Array<[string, string]> = [
  ['stories.png', '/'],
  ['story.png', `/stories/${story.id}`],
  ['article.png', `/articles/${article}`],
  ['search.png', `/search?q=${encodeURIComponent(query)}`],
];
try {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: VIEWPORT_HEIGHT },
    colorScheme: 'light',
  });
  const page = await context.newPage();
  for (const [file, path] of shots) {
    await page.goto(`${server.base}${path}`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const path_ = join(out, file);
    await page.screenshot({
      path: path_,
      fullPage: true,
      clip: { x: 0, y: 0, width: WIDTH, height: Math.min(height, MAX_HEIGHT) },
    });
    process.stdout.write(`saved ${path_} (${path})\n`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  await store.close();
}
process.stdout.write(
  `story ${story.id}: "${story.title}", ${story.sources} outlets, ${story.articles} articles\n` +
    'Re-run with: npx tsx scripts/screenshots.ts   (SITREP_DATA, SITREP_SEED, SITREP_CHROMIUM override the inputs)\n',
);
