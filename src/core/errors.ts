// One catalogue of error codes, each with its message and HTTP status (after fastify's
// lib/errors.js). Throw only for bugs and infrastructure faults; expected outcomes are
// Result values.

export const ERRORS = {
  CONFIG_INVALID: { status: 500, message: 'Invalid configuration' },
  STORE_OPEN_FAILED: { status: 500, message: 'Could not open the database' },
  STORE_MIGRATION_FAILED: { status: 500, message: 'A database migration failed' },
  STORY_LEASE_LOST: { status: 503, message: 'Another process now places articles in stories' },
  QUEUE_UNAVAILABLE: { status: 503, message: 'The job queue needs a PostgreSQL database' },
  FETCH_FAILED: { status: 502, message: 'Fetching the URL failed' },
  FETCH_BLOCKED_ADDRESS: { status: 403, message: 'Refused to fetch a private or loopback address' },
  FETCH_TOO_LARGE: { status: 413, message: 'The response is larger than the size cap' },
  FETCH_TIMEOUT: { status: 504, message: 'The request timed out' },
  FETCH_TOO_MANY_REDIRECTS: { status: 508, message: 'Too many redirects' },
  FETCH_ROBOTS_DISALLOWED: { status: 403, message: 'robots.txt disallows this URL' },
  FETCH_BAD_URL: { status: 400, message: 'Not a fetchable http(s) URL' },
  INPUT_UNREADABLE: { status: 400, message: 'The input could not be read' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  BAD_REQUEST: { status: 400, message: 'Bad request' },
  UNAUTHORIZED: { status: 401, message: 'A valid token is required' },
  FORBIDDEN: { status: 403, message: 'This token may only read' },
  CROSS_SITE: { status: 403, message: 'Refused a cookie-authenticated write from another site' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; slow down' },
  INGEST_UNAVAILABLE: { status: 503, message: 'This server does not ingest (no pipeline configured)' },
  EVENTS_UNAVAILABLE: { status: 503, message: 'This server does not publish live events' },
  UPLOAD_TOO_LARGE: { status: 413, message: 'The upload is larger than the size cap' },
  INTERNAL: { status: 500, message: 'Internal error' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A fault with a catalogue code, an HTTP status and the underlying cause. */
export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    const base = ERRORS[code].message;
    super(detail ? `${base}: ${detail}` : base, options);
    this.name = 'SitrepError';
    this.code = code;
    this.status = ERRORS[code].status;
  }
}

/** A one-line description of any thrown value, for per-item error reports. */
export function describeError(err: unknown): string {
  if (err instanceof SitrepError) return err.message;
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
    return `${err.message}${cause}`.replace(/\s+/g, ' ').trim();
  }
  return String(err).replace(/\s+/g, ' ').trim();
}
