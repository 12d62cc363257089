// A starter list of well-known public world-news feeds, offered on first run and added
// only when the user asks: sitrep never subscribes to anything by itself.

export interface StarterFeed {
  title: string;
  /** The feed's own URL (RSS or Atom). */
  url: string;
  /** The outlet's home page for the section. */
  site: string;
}

/** Public broadcasters and wire-style world desks, chosen for wide, multi-region coverage. */
export const STARTER_FEEDS: readonly StarterFeed[] = [
  {
    title: 'BBC News: World',
    url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
    site: 'https://www.bbc.com/news/world',
  },
  {
    title: 'Al Jazeera English',
    url: 'https://www.aljazeera.com/xml/rss/all.xml',
    site: 'https://www.aljazeera.com/',
  },
  {
    title: 'NPR: World',
    url: 'https://feeds.npr.org/1004/rss.xml',
    site: 'https://www.npr.org/sections/world/',
  },
  {
    title: 'The Guardian: World news',
    url: 'https://www.theguardian.com/world/rss',
    site: 'https://www.theguardian.com/world',
  },
  {
    title: 'DW: World',
    url: 'https://rss.dw.com/rdf/rss-en-world',
    site: 'https://www.dw.com/en/',
  },
  {
    title: 'France 24 (English)',
    url: 'https://www.france24.com/en/rss',
    site: 'https://www.france24.com/en/',
  },
  {
    title: 'UN News',
    url: 'https://news.un.org/feed/subscribe/en/news/all/rss.xml',
    site: 'https://news.un.org/en/',
  },
  {
    title: 'ABC News (Australia): Just In',
    url: 'https://www.abc.net.au/news/feed/51120/rss.xml',
    site: 'https://www.abc.net.au/news/justin',
  },
  {
    title: 'CBC News: World',
    url: 'https://www.cbc.ca/webfeed/rss/rss-world',
    site: 'https://www.cbc.ca/news/world',
  },
  {
    title: 'The New York Times: World',
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml',
    site: 'https://www.nytimes.com/section/world',
  },
];
