// How the CLI prints (aligned tables for people, JSON for programs) and reads its arguments.
import { InvalidArgumentError } from 'commander';

/** Prints a value as JSON on one line of stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/\s+/g, ' ');
}

/** Prints rows as an aligned table, truncating each column to its maximum width. */
export function printTable<T extends object>(rows: T[], columns: Array<{ key: keyof T; title: string; max?: number }>): void {
  const cells = rows.map((row) =>
    columns.map((col) => {
      const text = cell(row[col.key]);
      return col.max && text.length > col.max ? `${text.slice(0, col.max - 1)}…` : text;
    }),
  );
  const widths = columns.map((col, i) => Math.max(col.title.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** A byte count for people: 1.5 MB. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** Parses a command-line argument that must be a positive integer (an id, a limit). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return n;
}
