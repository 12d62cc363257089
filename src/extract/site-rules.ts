// Per-site extraction rules written as data (after postlight/parser's custom extractors and
// miniflux's scraper rules): CSS selectors for the body, for what to remove, and for
// metadata, keyed by domain. The general extractor runs everywhere; a rule only narrows
// what it sees on a site it gets wrong.
import { z } from 'zod';
import { normalizeDate } from './normalize-date.js';

const Selectors = z.array(z.string().min(1)).min(1);

/** One site's rule; every selector list is tried in order and the first match wins. */
export const SiteRuleSchema = z.strictObject({
  /** Hosts the rule applies to; each also covers its subdomains ("example.com" → "www.example.com"). */
  domains: z.array(z.string().min(1)).min(1),
  /** The element holding the article body; readability then works inside it alone. */
  body: Selectors.optional(),
  /** Elements to delete before extraction: promos, galleries, comment widgets. */
  remove: Selectors.optional(),
  /** Elements whose text (or content / datetime attribute) is the title, byline or date. */
  title: Selectors.optional(),
  byline: Selectors.optional(),
  published: Selectors.optional(),
  /** Why the rule exists, for whoever maintains it. */
  note: z.string().optional(),
});

export type SiteRule = z.infer<typeof SiteRuleSchema>;

export const SiteRulesSchema = z.array(SiteRuleSchema);

/** Metadata a rule can override. */
export interface RuleOverrides {
  title?: string;
  byline?: string;
  published?: string;
}

/** The rule for a page's host, or null. */
export function findSiteRule(url: string | null, rules: readonly SiteRule[]): SiteRule | null {
  if (!url || rules.length === 0) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return (
    rules.find((rule) =>
      rule.domains.some((d) => {
        const domain = d.toLowerCase();
        return host === domain || host.endsWith(`.${domain}`);
      }),
    ) ?? null
  );
}

function firstMatch(document: Document, selectors: readonly string[] | undefined): Element | null {
  for (const selector of selectors ?? []) {
    try {
      const found = document.querySelector(selector);
      if (found) return found;
    } catch {
      // A selector the DOM cannot parse is skipped, like one that matches nothing.
    }
  }
  return null;
}

function readValue(el: Element | null): string | undefined {
  if (!el) return undefined;
  const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '';
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat || undefined;
}

/**
 * Applies a rule to a parsed page: reads the metadata it points at, removes what it names,
 * and narrows the body to its body element. Returns the metadata found.
 */
export function applySiteRule(document: Document, rule: SiteRule): RuleOverrides {
  const published = readValue(firstMatch(document, rule.published));
  const overrides: RuleOverrides = {
    title: readValue(firstMatch(document, rule.title)),
    byline: readValue(firstMatch(document, rule.byline)),
    published: published ? (normalizeDate(published) ?? undefined) : undefined,
  };
  for (const selector of rule.remove ?? []) {
    try {
      for (const el of [...document.querySelectorAll(selector)]) el.remove();
    } catch {
      // As above: an unparseable selector removes nothing.
    }
  }
  const body = firstMatch(document, rule.body);
  if (body && document.body) {
    body.remove();
    document.body.innerHTML = '';
    document.body.appendChild(body);
  }
  return overrides;
}
