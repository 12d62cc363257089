// Raw bylines carry "By", agency credits, roles and dates around the names. Cleaning keeps
// only the names, joined with ", ".

/** Bylines longer than this are a paragraph or a bio, not names. */
const MAX_BYLINE_CHARS = 120;

/** Credits that follow the names ("… The Associated Press") and are the outlet, not a person. */
const AGENCY_CREDITS = [
  'the associated press',
  'associated press',
  'reuters',
  'afp',
  'agence france-presse',
  'ap',
  'bloomberg',
  'upi',
  'dpa',
  'efe',
  'ansa',
  'xinhua',
  'tass',
  'staff',
  'staff writer',
  'staff reporter',
  'correspondent',
];

const BY_PREFIX =
  /^(?:(?:posted|written|reported|words|text|story)\s+)?(?:by|von|par|por|di|door|av)\s*:?\s+/i;

function stripCredit(part: string, site: string | null): string {
  let out = part.trim();
  const lowerSite = site?.toLowerCase().trim();
  for (;;) {
    const lower = out.toLowerCase();
    const credit = [...AGENCY_CREDITS, ...(lowerSite ? [lowerSite] : [])].find(
      (c) => lower.endsWith(` ${c}`) || lower.endsWith(`, ${c}`) || lower.endsWith(` | ${c}`),
    );
    if (!credit) return out;
    out = out.slice(0, out.length - credit.length).replace(/[\s,|–—-]+$/, '');
  }
}

/** Turns a raw byline ("By X and Y The Associated Press") into "X, Y", or null. */
export function cleanByline(
  raw: string | null | undefined,
  site: string | null = null,
): string | null {
  if (!raw) return null;
  let text = raw.replace(/\s+/g, ' ').trim();
  if (!text || text.length > MAX_BYLINE_CHARS * 2) return null;
  text = text.replace(BY_PREFIX, '');
  // A trailing date or "Updated …" is not part of the names.
  text = text.replace(
    /\s*(?:[|•·]|\bupdated\b|\bpublished\b|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)).*$/i,
    '',
  );
  const names: string[] = [];
  for (const chunk of text.split(/\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/i)) {
    const name = stripCredit(chunk.replace(BY_PREFIX, ''), site).replace(
      /^[\s,.:-]+|[\s,:-]+$/g,
      '',
    );
    if (!name || /^\d/.test(name) || name.split(' ').length > 6) continue;
    const lower = name.toLowerCase();
    if (AGENCY_CREDITS.includes(lower) && names.length > 0) continue;
    if (site && lower === site.toLowerCase() && names.length > 0) continue;
    if (!names.includes(name)) names.push(name);
  }
  const joined = names.join(', ');
  return joined && joined.length <= MAX_BYLINE_CHARS ? joined : null;
}
