// Where the installed package's own files (models, data cards) live, whether sitrep runs
// from src/ through tsx, from dist/, or from a benchmark build.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above this module that holds package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

/** A file under the package's models/ folder. */
export function modelPath(...parts: string[]): string {
  return join(packageRoot(), 'models', ...parts);
}
