// A stand-in headline for text that came without one (a plain .txt file, a feed item with
// no title): its first words, cut at a word boundary.

/** Lead characters shown as a stand-in title: about one line. */
const LEAD_TITLE_CHARS = 100;

/** The first words of `text`, about one line long, marked as cut when they are. */
export function leadLine(text: string): string {
  const flat = text
    .slice(0, LEAD_TITLE_CHARS * 2)
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length < LEAD_TITLE_CHARS
    ? flat
    : `${flat.slice(0, LEAD_TITLE_CHARS).replace(/\s\S*$/, '')} …`;
}
