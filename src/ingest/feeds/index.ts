// Feed parsing: pure functions from feed text to normalised, validated items.
export { parseFeedDate } from './dates.js';
export { looksLikeFeed } from './detect.js';
export { discoverFeeds } from './discover.js';
export { parseFeed } from './parse-feed.js';
export type { FeedFailure, FeedFormat, FeedItem, ParsedFeed } from './types.js';
