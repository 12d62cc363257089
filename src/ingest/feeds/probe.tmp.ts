import { readFileSync } from 'node:fs';
import { parseFeed } from 'feedsmith';
for (const f of process.argv.slice(2)) {
  try { const r = parseFeed(readFileSync(f, 'utf8')); console.log(f, JSON.stringify(r, null, 1).slice(0, 5000)); }
  catch (e) { console.log(f, 'ERR', (e as Error).constructor.name, (e as Error).message); }
}
