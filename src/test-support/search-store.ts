// A store of three analyzed articles from three outlets, placed in stories by the real
// pipeline: the seed, the hostile harbour page, and a dated harbour report that quotes a
// named trader, gives figures, and holds text a spreadsheet would run as a formula.
import { processPending } from '../pipeline/process.js';
import { storeCaptures } from '../pipeline/store-captures.js';
import type { Dialect } from '../store/dialect.js';
import type { Store } from '../store/index.js';
import { openTestStore } from './engines.js';
import { capture, seededStore } from './store.js';

export const OTHER_URL = 'https://other.example/harbour-cost';

/** Invented for the tests: commas, quotes, a formula and a line break all reach the exports. */
export const OTHER_HTML = `<!doctype html><html lang="en"><head><title>Harbour repairs cost more | Other Post</title>
<meta property="og:site_name" content="Other Post"><meta property="article:published_time" content="2024-11-02T09:00:00Z"></head>
<body><article><h1>Harbour repairs cost more</h1>
<p>The harbour repairs cost about 4 million euros, the port authority said on Friday.</p>
<p>"@once more we are glad, and relieved," said Maria Lopez, a trader at the harbour.</p>
<p>A sign on the quay read =HYPERLINK("http://evil.example", "click").</p>
<p>Ferry crews said 12 boats left at dawn on Saturday as the harbour reopened to traffic.</p>
</article></body></html>`;

export interface SearchStore {
  store: Store;
  seedId: number;
  hostileId: number;
  otherId: number;
}

/** The three-article store; the seed is dated 2024-10-24, the hostile page left undated. */
export async function searchStore(engine: Dialect = 'sqlite'): Promise<SearchStore> {
  const { store, seedId, hostileId } = await seededStore(await openTestStore(engine));
  const stored = await storeCaptures(
    { store },
    [{ capture: capture('html', OTHER_URL, OTHER_HTML, OTHER_URL), label: 'other' }],
    'other',
  );
  const otherId = stored.articleIds[0]!;
  await store.kysely
    .updateTable('article')
    .set({ published_at: '2024-10-24T08:00:00.000Z' })
    .where('id', '=', seedId)
    .execute();
  await processPending({ store });
  return { store, seedId, hostileId, otherId };
}
