// The fetcher: the only code in sitrep that talks to the network.
export { classifyAddress, describeAddress, isPublicAddress, type AddressKind } from './address.js';
export { createFetcher } from './fetcher.js';
export {
  ACCEPT,
  ALLOW_PRIVATE,
  type AllowPrivate,
  type FetchedPage,
  type Fetcher,
  type FetcherOptions,
  type FetchFailure,
  type FetchOutcome,
  type FetchRequest,
  MAX_BYTES,
  MAX_REDIRECTS,
  PER_HOST_DELAY_MS,
  RESPECT_ROBOTS,
  ROBOTS_MAX_BYTES,
  ROBOTS_TTL_MS,
  type ResolvedAddress,
  type Resolver,
  TIMEOUT_MS,
  USER_AGENT,
} from './types.js';
