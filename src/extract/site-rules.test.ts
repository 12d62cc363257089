import { describe, expect, it } from 'vitest';
import { extractHtml } from './html.js';
import { findSiteRule, type SiteRule, SiteRulesSchema } from './site-rules.js';

const STORY = [
  'The river authority opened the northern floodgates on Sunday night after three days of rain.',
  'Engineers said the water level at the old bridge had risen by almost two metres since Friday.',
  'Residents of the lower town were told to move cars and valuables to higher ground before dawn.',
];
const COMMENT = 'I have lived here forty years and the council never listens to anyone about the drains, never.';

// A page whose reader comments outweigh the story, so a general extractor picks the comments.
const PAGE = `<!doctype html><html lang="en"><head><title>Floodgates opened | River Post</title></head><body>
<article class="story"><h1>Floodgates opened</h1><p class="byline"><span class="author-name">Mara Quist</span></p>
<time class="pub" datetime="2024-03-03T21:00:00Z">3 March</time>
${STORY.map((p) => `<p>${p}</p>`).join('')}<div class="promo"><p>Subscribe to the River Post newsletter for daily flood updates and more.</p></div></article>
<section class="comments">${Array.from({ length: 12 }, (_, i) => `<div class="comment"><p>${COMMENT} (${i})</p></div>`).join('')}</section>
</body></html>`;

const RULE: SiteRule = {
  domains: ['riverpost.example'],
  body: ['article.story'],
  remove: ['.promo', '.byline', 'time.pub'],
  byline: ['.author-name'],
  published: ['time.pub'],
};

describe('per-site rules', () => {
  it('match a host and its subdomains, never a look-alike', () => {
    expect(findSiteRule('https://www.riverpost.example/a', [RULE])).toBe(RULE);
    expect(findSiteRule('https://riverpost.example/a', [RULE])).toBe(RULE);
    expect(findSiteRule('https://evil-riverpost.example/a', [RULE])).toBeNull();
    expect(findSiteRule('not a url', [RULE])).toBeNull();
  });

  it('narrow the body, remove furniture and read metadata where the site keeps it', () => {
    const url = 'https://www.riverpost.example/2024/03/floodgates';
    const general = extractHtml(PAGE, { url });
    const ruled = extractHtml(PAGE, { url, rules: [RULE] });
    expect(general.ok && general.value.text).toContain('council never listens');
    expect(ruled.ok).toBe(true);
    if (!ruled.ok) return;
    expect(ruled.value.text).toContain(STORY[0]);
    expect(ruled.value.text).toContain(STORY[2]);
    expect(ruled.value.text).not.toContain('council never listens');
    expect(ruled.value.text).not.toContain('newsletter');
    expect(ruled.value.byline).toBe('Mara Quist');
    expect(ruled.value.published).toBe('2024-03-03T21:00:00Z');
  });

  it('are validated: unknown fields and empty lists are refused', () => {
    expect(SiteRulesSchema.safeParse([RULE]).success).toBe(true);
    expect(SiteRulesSchema.safeParse([{ domains: [] }]).success).toBe(false);
    expect(SiteRulesSchema.safeParse([{ domains: ['a.example'], bodyy: ['x'] }]).success).toBe(false);
    expect(SiteRulesSchema.safeParse([{ domains: ['a.example'], body: [] }]).success).toBe(false);
  });

  it('survive selectors the DOM cannot parse', () => {
    const broken: SiteRule = { domains: ['riverpost.example'], body: ['article[', 'article.story'], remove: ['..bad'] };
    const result = extractHtml(PAGE, { url: 'https://riverpost.example/x', rules: [broken] });
    expect(result.ok && result.value.text).toContain(STORY[1]);
  });
});
