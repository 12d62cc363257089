// The command line of the benchmarks and long-running scripts: `--name value` options and
// bare `--flag`s, read the same way by each.
const argv = process.argv.slice(2);

/** The value after `--name`, or undefined when it is not given. */
export function option(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** A numeric option, or the fallback when it is not given. */
export function numberOption(name: string, fallback: number): number {
  const value = option(name);
  return value === undefined ? fallback : Number(value);
}

/** Whether `--name` is on the command line. */
export const flag = (name: string): boolean => argv.includes(name);
