// JSON Lines files of ../shared/data, read whole for a benchmark.
import { readFileSync } from 'node:fs';

/** Every non-empty line of a JSON Lines file, parsed. */
export function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
