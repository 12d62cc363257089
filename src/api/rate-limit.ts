// Rate limiting per key (a token, or an address for anonymous callers): a token bucket
// that holds a minute's allowance and refills continuously, so short bursts pass and a
// steady flood is held to the configured rate. In memory: one server process.

/** Keys remembered before full (idle) buckets are forgotten. */
const MAX_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: number) {}

  /** Takes one request from the key's allowance: 0 when allowed, else seconds to wait. */
  take(key: string, now = Date.now()): number {
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (!this.buckets.has(key) && this.buckets.size >= MAX_KEYS) this.forgetIdle(now);
      this.buckets.set(key, bucket);
      return 0;
    }
    this.buckets.set(key, bucket);
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  /** Drops buckets that have refilled completely: they hold nothing worth remembering. */
  private forgetIdle(now: number): void {
    const perMs = this.perMinute / 60_000;
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
