// Units written around a number. The scheme, so that figures compare across articles:
//   '%'  percentages and fractions ("45 percent", "a third of" → 33.3);
//   'pp' percentage points, 'bp' basis points;
//   an ISO 4217 code for money ("$5bn" → USD, "€20m" → EUR, "3 million pounds" → GBP);
//   a short symbol for measures ('km', 'mi', 'kg', 't', 'lb', 'ha', 'acre', 'km2', 'ft',
//   'm', 'bbl', 'bbl/d', 'gal', 'l', 'mph', 'deg');
//   a singular word for durations ('year', 'month', 'week', 'day', 'hour', 'minute', 'decade');
//   for counts, the counted noun's singular ('troop', 'personnel', 'people') — set by subject.ts.

/** A unit read after a number, with the factor its value takes ("cents" → 0.01 USD). */
export interface UnitRead {
  unit: string;
  end: number;
  kind: 'percent' | 'money' | 'measure' | 'duration';
  factor: number;
}

const PREFIX_CURRENCY: Readonly<Record<string, string>> = {
  $: 'USD',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
  HK$: 'HKD',
  NZ$: 'NZD',
  S$: 'SGD',
  R$: 'BRL',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₽': 'RUB',
};
const ISO_CODES = 'USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|RUB|INR|KRW|UAH|BRL|MXN|HKD';
/** A currency sign or ISO code right before the number ("$5", "US$ 3", "EUR 20"). */
const CURRENCY_BEFORE = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:US|C|A|HK|NZ|S|R)\$|[$€£¥₹₽]|\b(?:${ISO_CODES})\s)\s?$`,
  'u',
);

const PERCENT =
  /\s?(?:(%)|(per\s?cent|pct|percent)\b|(percentage\s+points?)\b|(basis\s+points?)\b)/iy;
const CURRENCY_WORD = new RegExp(
  String.raw`\s+(?:(U\.S\.|US|American|Canadian|Australian|Hong\s+Kong|New\s+Zealand|Singapore|Swiss)\s+)?` +
    String.raw`(dollars?|dlrs|euros?|pounds?\s+sterling|sterling|stg|pounds?|yen|yuan|renminbi|` +
    String.raw`r[ou]bles?|rupees?|francs?|pesos?|won|lira|shekels?|hryvnias?|cents?|cts|${ISO_CODES})\b`,
  'iy',
);
const DOLLAR_OF: Readonly<Record<string, string>> = {
  canadian: 'CAD',
  australian: 'AUD',
  'hong kong': 'HKD',
  'new zealand': 'NZD',
  singapore: 'SGD',
  swiss: 'CHF',
};
const CURRENCY_OF: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dlr: 'USD',
  euro: 'EUR',
  sterling: 'GBP',
  stg: 'GBP',
  pound: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  ruble: 'RUB',
  rouble: 'RUB',
  rupee: 'INR',
  franc: 'CHF',
  peso: 'MXN',
  won: 'KRW',
  lira: 'TRY',
  shekel: 'ILS',
  hryvnia: 'UAH',
  cent: 'USD',
  ct: 'USD',
};

const MEASURE = new RegExp(
  String.raw`[ \t]?(?:(km|kilomet(?:er|re)s?)|(miles?)|(kg|kilo(?:gram)?s?)|((?:metric\s+)?ton(?:ne)?s?)|` +
    String.raw`(lbs?|pounds?)|(hectares?)|(acres?)|(square\s+(?:kilomet(?:er|re)s?|km)|sq\s+km)|(feet|foot|ft)|` +
    String.raw`(met(?:er|re)s?)|(barrels?\s+(?:per|a)\s+day|bpd)|(barrels?|bbl)|(gallons?)|(lit(?:er|re)s?)|` +
    String.raw`(mph)|(degrees?))\b`,
  'iy',
);
const MEASURE_UNITS = 'km mi kg t lb ha acre km2 ft m bbl/d bbl gal l mph deg'.split(' ');

const DURATION = /\s+(year|month|week|day|hour|minute|decade|centur)(?:s|ies|y)?\b/iy;

/** The currency written right before `pos` ("$", "€", "US$", "EUR "), with where it starts. */
export function currencyBefore(text: string, pos: number): { unit: string; start: number } | null {
  const window = text.slice(Math.max(0, pos - 5), pos);
  const m = CURRENCY_BEFORE.exec(window);
  if (!m) return null;
  const sign = m[0].trim();
  const unit = PREFIX_CURRENCY[sign] ?? (/^[A-Z]{3}$/.test(sign) ? sign : null);
  return unit ? { unit, start: pos - m[0].length } : null;
}

/**
 * The unit written right after a number ending at `pos`. "Pounds" is money only after a
 * multiplier ("3 million pounds"); otherwise it weighs ("200 pounds").
 */
export function unitAfter(text: string, pos: number, multiplied: boolean): UnitRead | null {
  PERCENT.lastIndex = pos;
  let m = PERCENT.exec(text);
  if (m) {
    const unit = m[3] ? 'pp' : m[4] ? 'bp' : '%';
    return { unit, end: pos + m[0].length, kind: 'percent', factor: 1 };
  }
  CURRENCY_WORD.lastIndex = pos;
  m = CURRENCY_WORD.exec(text);
  if (m?.[2]) {
    const word = m[2].toLowerCase().replace(/\s+sterling$/, '');
    const key = word.replace(/s$/, '');
    const isWeight = key === 'pound' && !multiplied && !/sterling/i.test(m[2]);
    const needsMultiplier = key === 'won';
    if (!isWeight && (!needsMultiplier || multiplied)) {
      const code = /^[A-Z]{3}$/.test(m[2])
        ? m[2]
        : key === 'dollar' && m[1]
          ? (DOLLAR_OF[m[1].toLowerCase().replace(/\s+/g, ' ')] ?? 'USD')
          : (CURRENCY_OF[key] ?? null);
      const factor = key === 'cent' || key === 'ct' ? 0.01 : 1;
      if (code) return { unit: code, end: pos + m[0].length, kind: 'money', factor };
    }
  }
  MEASURE.lastIndex = pos;
  m = MEASURE.exec(text);
  if (m) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    const unit = MEASURE_UNITS[group];
    if (unit) return { unit, end: pos + m[0].length, kind: 'measure', factor: 1 };
  }
  DURATION.lastIndex = pos;
  m = DURATION.exec(text);
  if (m?.[1]) {
    const unit = m[1].toLowerCase() === 'centur' ? 'century' : m[1].toLowerCase();
    return { unit, end: pos + m[0].length, kind: 'duration', factor: 1 };
  }
  return null;
}
