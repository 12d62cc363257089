// URL normalization for deduplication: the same article reached through a tracking
// link, a fragment or a differently-cased host must compare equal.

/** Query parameters that only track the reader and never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref_src',
  'ref_url',
  'cmpid',
  'ncid',
  'ocid',
  'sr_share',
  'smid',
  'smtyp',
  '_ga',
  '_gl',
  'spm',
  'share',
  'rss',
  'ito',
  'cid',
]);

/** Prefixes of tracking parameter families (utm_source, pk_campaign, …). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'oly_', 'vero_', '__hs'];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The canonical form of an http(s) URL: no fragment, no tracking parameters, lower-case
 * host, no default port. Returns null for anything that is not an http(s) URL.
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  if (url.search === '?') url.search = '';
  return url.toString();
}

/** The URL when it is http(s), else null: a record's "url" may be anything, javascript: included. */
export function httpUrlOrNull(raw: string | null | undefined): string | null {
  return raw && /^https?:\/\/[^\s]+$/i.test(raw.trim()) ? raw.trim() : null;
}

/** The host of a URL without a leading "www.", or null when it has none. */
export function hostOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const host = new URL(raw).hostname.toLowerCase();
    return host ? host.replace(/^www\d?\./, '') : null;
  } catch {
    return null;
  }
}
