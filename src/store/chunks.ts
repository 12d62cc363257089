/** Rows per multi-row statement: far below SQLite's and PostgreSQL's parameter limits. */
export const MAX_ROWS_PER_INSERT = 400;

/** Splits a list into consecutive pieces of at most `size` items. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
