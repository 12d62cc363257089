// Waiting that a shutdown can cut short: long-running loops (feed polling, job queues,
// the server's placement watch) sleep between rounds and must stop at once on SIGTERM.

/** Resolves after `ms`, or at once when the signal aborts; leaves no listener behind. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', wake);
      resolve();
    }, ms);
    signal.addEventListener('abort', wake, { once: true });
  });
}
