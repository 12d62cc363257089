// Where tests find the shared real data (never copied into the project). Test-only: the
// only file in src/extract that touches the file system.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder of shared datasets: $SITREP_DATA or ../shared/data. */
export const DATA_DIR = process.env.SITREP_DATA ?? join(REPO, '../shared/data');
/** The folder of the seed article: $SITREP_SEED or ../shared/seed. */
export const SEED_DIR = process.env.SITREP_SEED ?? join(REPO, '../shared/seed');

/** Reads a shared file, or returns null (and says why) when it is missing. */
export function readShared(path: string): string | null {
  if (!existsSync(path)) {
    console.warn(`skipping: ${path} is missing (set SITREP_DATA / SITREP_SEED)`);
    return null;
  }
  return readFileSync(path, 'utf8');
}
