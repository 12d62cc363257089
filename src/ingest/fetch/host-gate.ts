// Politeness: requests to one host run one at a time, and each starts at least
// `delayMs` after the previous one finished, so sitrep never hammers a site.

/** Bound on remembered hosts; older entries are past their delay anyway. */
const MAX_HOSTS = 10_000;

interface HostSlot {
  /** Settles when the last queued request to this host has finished. */
  tail: Promise<void>;
  finishedAt: number;
}

export interface HostGate {
  /** Runs `task` when it is this host's turn and the delay since the last request has passed. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A per-host queue that serializes and spaces requests. */
export function createHostGate(delayMs: number, now: () => number = Date.now): HostGate {
  const slots = new Map<string, HostSlot>();
  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      const key = host.toLowerCase();
      const previous = slots.get(key);
      const slot: HostSlot = { tail: Promise.resolve(), finishedAt: 0 };
      const result = (async () => {
        if (previous) {
          await previous.tail;
          const wait = previous.finishedAt + delayMs - now();
          if (wait > 0) await sleep(wait);
        }
        try {
          return await task();
        } finally {
          slot.finishedAt = now();
        }
      })();
      slot.tail = result.then(
        () => undefined,
        () => undefined,
      );
      slots.delete(key);
      slots.set(key, slot);
      if (slots.size > MAX_HOSTS) {
        const oldest = slots.keys().next().value;
        if (oldest !== undefined) slots.delete(oldest);
      }
      return result;
    },
  };
}
