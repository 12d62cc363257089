// Numbers written in words: "twelve", "twenty-five", "three thousand", "two hundred and six",
// "a dozen", and fractions ("a third", "two-thirds").

export const SMALL = [
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen',
  'fifteen sixteen seventeen eighteen nineteen',
]
  .join(' ')
  .split(' ');
export const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const MAGNITUDES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  dozen: 12,
};
export const VAGUE_BASE: Readonly<Record<string, number>> = {
  dozens: 12,
  tens: 10,
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
};
const FRACTIONS: Readonly<Record<string, number>> = {
  half: 1 / 2,
  third: 1 / 3,
  quarter: 1 / 4,
  fifth: 1 / 5,
  tenth: 1 / 10,
};

/** A fraction's value: "a third" → 1/3, "two-thirds" → 2/3. */
export function fractionValue(f: string): number {
  if (f === 'half') return 0.5;
  const [count, part] = f.split(/[-\s]/);
  const n = count === 'a' ? 1 : SMALL.indexOf(count ?? '');
  return n * (FRACTIONS[(part ?? '').replace(/s$/, '')] ?? 0);
}

type WordClass = 'small' | 'teen' | 'tens' | 'hundred' | 'magnitude' | 'and';

function classify(w: string): WordClass | null {
  if (w === 'and') return 'and';
  const small = SMALL.indexOf(w);
  if (small >= 0) return small >= 10 ? 'teen' : 'small';
  if (TENS.includes(w)) return 'tens';
  if (w === 'hundred' || w === 'dozen') return 'hundred';
  return w in MAGNITUDES ? 'magnitude' : null;
}

/** Which word classes may follow which: "twenty-five", "two hundred and six", not "two three". */
const MAY_FOLLOW: Readonly<Record<WordClass | 'start', readonly WordClass[]>> = {
  start: ['small', 'teen', 'tens'],
  small: ['hundred', 'magnitude'],
  teen: ['hundred', 'magnitude'],
  tens: ['small', 'hundred', 'magnitude'],
  hundred: ['and', 'small', 'teen', 'tens', 'magnitude'],
  magnitude: ['and', 'small', 'teen', 'tens'],
  and: ['small', 'teen', 'tens'],
};

/** Composes number words, stopping at the first word that cannot follow ("two and three"). */
export function readWords(
  start: number,
  phrase: string,
): { end: number; value: number; factor: number } | null {
  const tokens = [...phrase.matchAll(/[a-z]+/gi)];
  let total = 0;
  let current = 0;
  let prev: WordClass | 'start' = 'start';
  let end = start;
  let factor = 1;
  for (const [i, t] of tokens.entries()) {
    const w = t[0].toLowerCase();
    if (i === 0 && (w === 'a' || w === 'an')) {
      current = 1;
      prev = 'small';
      continue;
    }
    const cls = classify(w);
    if (!cls || !MAY_FOLLOW[prev].includes(cls)) break;
    const magnitude = MAGNITUDES[w] ?? 1;
    if (cls === 'small' || cls === 'teen') current += SMALL.indexOf(w);
    else if (cls === 'tens') current += 20 + 10 * TENS.indexOf(w);
    else if (cls === 'hundred') current *= magnitude;
    else if (cls === 'magnitude') {
      total += current * magnitude;
      current = 0;
    }
    if (cls !== 'and') factor = cls === 'hundred' || cls === 'magnitude' ? magnitude : 1;
    prev = cls;
    if (cls !== 'and') end = start + t.index + t[0].length;
  }
  if (end === start) return null;
  return { end, value: total + current, factor };
}
