// A store with a few real-looking articles, built through the real ingest step.
import { readFileSync } from 'node:fs';
import type { Capture } from '../core/types.js';
import { storeCaptures } from '../pipeline/store-captures.js';
import { openStore, type Store } from '../store/index.js';
import { SEED_FILE } from './index.js';

/** An HTML page whose body tries every usual trick to run script in the reader. */
export const HOSTILE_HTML = `<!doctype html><html lang="en"><head><title>Harbour reopens | Example News</title>
<meta property="og:site_name" content="Example News"></head><body><article><h1>Harbour reopens</h1>
<p>The harbour reopened on Monday after a week of repairs, the port authority said in a statement.</p>
<p onmouseover="window.pwned=1">Ferry crews returned to work <img src="x" onerror="window.pwned=2"> and the first boats left at dawn.</p>
<script>window.pwned=3</script>
<p>Traders <a href="javascript:window.pwned=4">welcomed</a> the news and said business would recover within weeks.</p>
<iframe src="javascript:window.pwned=5"></iframe>
<p>The authority promised a review of its storm plans before the winter season begins in earnest.</p>
</article></body></html>`;

export function capture(
  kind: Capture['kind'],
  origin: string,
  body: string,
  url: string | null = null,
): Capture {
  return {
    kind,
    origin,
    url,
    fetchedAt: '2024-10-24T12:00:00.000Z',
    status: url ? 200 : null,
    contentType: kind === 'html' ? 'text/html; charset=utf-8' : 'text/plain',
    charset: null,
    body: new TextEncoder().encode(body),
  };
}

/**
 * A store holding the seed article and a hostile HTML page: in memory, at a given SQLite
 * file, or an open store handed in (a PostgreSQL one from engines.ts).
 */
export async function seededStore(
  at: string | Store = ':memory:',
): Promise<{ store: Store; seedId: number; hostileId: number }> {
  const store = typeof at === 'string' ? await openStore(at) : at;
  const result = await storeCaptures(
    { store },
    [
      {
        capture: capture('text', 'file:///seed/000.txt', readFileSync(SEED_FILE, 'utf8')),
        label: 'seed',
      },
      {
        capture: capture(
          'html',
          'https://news.example/harbour',
          HOSTILE_HTML,
          'https://news.example/harbour',
        ),
        label: 'hostile',
      },
    ],
    'seed',
  );
  if (result.articleIds.length !== 2) throw new Error(`seeding failed: ${JSON.stringify(result)}`);
  const [seedId, hostileId] = result.articleIds as [number, number];
  return { store, seedId, hostileId };
}
