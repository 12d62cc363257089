// The key under which the same counted thing compares across articles. The subject is
// lowercased; function words, hedges, auxiliaries and adverbs are dropped; "U.S." and
// "United States" become "us"; a demonym becomes its country ("North Korean" → "korea",
// "north"); plurals become singular; a few synonyms fold together (soldiers, personnel and
// forces are all "troop"); then the words are deduplicated and sorted. So "North Korean
// troops" and "troops from North Korea" share the key "korea north troop", while troops and
// dollars, or troops and tanks, never share one.
import { UNIT_SYNONYMS } from '../../core/unit-synonyms.js';
import { ADVERBS, AUXILIARIES, FUNCTION_WORDS, singular } from './word-lists.js';

/** Comparatives end a noun phrase but tell one poll question from another ("worse", "better"). */
const KEPT_COMPARATIVES = new Set(
  'better worse higher lower larger smaller bigger greater'.split(' '),
);

const KEY_STOP_WORDS = new Set([
  ...[...FUNCTION_WORDS].filter((w) => !KEPT_COMPARATIVES.has(w)),
  ...AUXILIARIES,
  ...ADVERBS,
  ...'roughly approximately nearly almost estimated exactly precisely up least mostly mainly chiefly largely'.split(
    ' ',
  ),
]);

const COUNTRY_OF = new Map(
  Object.entries({
    american: 'us',
    'u.s.': 'us',
    'u.s': 'us',
    usa: 'us',
    british: 'britain',
    'u.k.': 'britain',
    uk: 'britain',
    korean: 'korea',
    russian: 'russia',
    ukrainian: 'ukraine',
    chinese: 'china',
    japanese: 'japan',
    french: 'france',
    german: 'germany',
    iranian: 'iran',
    iraqi: 'iraq',
    israeli: 'israel',
    palestinian: 'palestine',
    syrian: 'syria',
    afghan: 'afghanistan',
    pakistani: 'pakistan',
    indian: 'india',
    mexican: 'mexico',
    canadian: 'canada',
    turkish: 'turkey',
    egyptian: 'egypt',
    european: 'europe',
    african: 'africa',
    cuban: 'cuba',
    venezuelan: 'venezuela',
    brazilian: 'brazil',
    italian: 'italy',
    spanish: 'spain',
    polish: 'poland',
    dutch: 'netherlands',
    belarusian: 'belarus',
    yemeni: 'yemen',
    lebanese: 'lebanon',
    libyan: 'libya',
    sudanese: 'sudan',
    somali: 'somalia',
    nigerian: 'nigeria',
    vietnamese: 'vietnam',
    filipino: 'philippines',
    taiwanese: 'taiwan',
    australian: 'australia',
    irish: 'ireland',
    greek: 'greece',
    saudi: 'saudi',
  }),
);

/** Words for the same counted thing. */
const SYNONYM = new Map(Object.entries(UNIT_SYNONYMS));

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.&-]*/gu;

/** A normalized key for a subject, equal for paraphrases of the same counted thing. */
export function subjectKeyOf(subject: string): string {
  const lower = subject
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\bunited\s+states\b/g, 'u.s.');
  const keys = new Set<string>();
  for (const [raw] of lower.matchAll(WORD)) {
    const word = COUNTRY_OF.has(raw) ? raw : raw.replace(/\.$/, '');
    if (KEY_STOP_WORDS.has(word)) continue;
    const one = singular(word);
    const key = COUNTRY_OF.get(word) ?? COUNTRY_OF.get(one) ?? SYNONYM.get(one) ?? one;
    keys.add(key);
  }
  return [...keys].sort().join(' ');
}
