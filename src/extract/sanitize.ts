// The article body's HTML, as the store keeps it: what readability found, cut down to
// reading markup so that nothing in it can run or fetch if anyone ever shows it. sitrep's
// own pages show the extracted text, escaped, and never this; an API client or a later
// view might. Images go too: showing one is a request to another host.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'q',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'b',
    'strong',
    'i',
    'em',
    'u',
    's',
    'small',
    'mark',
    'sub',
    'sup',
    'br',
    'hr',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'pre',
    'code',
    'time',
    'abbr',
    'cite',
  ],
  allowedAttributes: {
    a: ['href'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    time: ['datetime'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Dropped with their content: what is inside them is code, not reading.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'svg',
    'math',
  ],
};

/** The body's HTML with only reading markup left: no script, handler, style, frame or image. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
