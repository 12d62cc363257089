// A phrase finder's regular expression costs a scan of the block even when its key word is
// absent; String.includes is far cheaper, so finders ask it first.

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** The matches of re in block, or none without scanning when no key word occurs in it. */
export function matchesWith(block: string, re: RegExp, keys: string[]): Iterable<RegExpExecArray> {
  const present = keys.some((k) => block.includes(k) || block.includes(capitalised(k)));
  return present ? block.matchAll(re) : [];
}
