// Shared helpers for tests: temporary folders, and where the real data lives.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The project root: the nearest folder above this file with a package.json (sources or a build). */
function findRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const ROOT = findRoot(import.meta.dirname);

/** The shared third-party data folder (SITREP_DATA, default ../shared/data). */
export const DATA_DIR = resolve(ROOT, process.env.SITREP_DATA ?? '../shared/data');
/** The seed article's folder (SITREP_SEED, default ../shared/seed). */
export const SEED_DIR = resolve(ROOT, process.env.SITREP_SEED ?? '../shared/seed');
export const SEED_FILE = join(SEED_DIR, '000_230bac5cbbd38f52.txt');

/** A path inside the shared data folder, or null (with a note on stderr) when it is missing. */
export function dataPath(relative: string): string | null {
  const path = join(DATA_DIR, relative);
  if (existsSync(path)) return path;
  process.stderr.write(`skipping: ${path} is missing (set SITREP_DATA)\n`);
  return null;
}

/** Reads a shared file, or returns null (and says why) when it is missing. */
export function readShared(path: string): string | null {
  if (!existsSync(path)) {
    process.stderr.write(`skipping: ${path} is missing (set SITREP_DATA / SITREP_SEED)\n`);
    return null;
  }
  return readFileSync(path, 'utf8');
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'sitrep-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { ROOT };
