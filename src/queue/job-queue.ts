// The job queue that spreads the pipeline over worker processes: pg-boss, which keeps its
// jobs in the same PostgreSQL database as the store. A job is completed inside the
// transaction that commits its work, and the jobs it leads to are sent in that same
// transaction, so a crash at any point either keeps both the work and its completion or
// neither: no job is lost and none takes effect twice.
import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { SitrepError } from '../core/errors.js';
import { sleep } from '../core/sleep.js';
import { dialectOfLocation, redactUrl } from '../store/dialect.js';

/** The queues, in pipeline order, and where jobs that exhaust their retries end up. */
export const QUEUES = {
  /** { feedId } or { url, source }: fetch, then store the capture for extraction. */
  ingest: 'ingest',
  /** { documentId }: extract a stored capture into an article. */
  extract: 'extract',
  /** { articleId }: run the analyzers over an article. */
  analyze: 'analyze',
  /** {}: place every analyzed article in a story; one runs at a time. */
  cluster: 'cluster',
  /** Jobs that failed every retry, kept for a person to read and retry. */
  dead: 'dead',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobData {
  ingest: { feedId: number } | { url: string; source: string };
  extract: { documentId: number };
  analyze: { articleId: number };
  cluster: Record<string, never>;
}

export interface QueueTimings {
  /** An active job whose worker went quiet this long is failed and retried (default 300). */
  expireSeconds?: number;
  /** Retries before a job goes to the dead-letter queue (default 5). */
  retryLimit?: number;
  /** The first retry's delay; each later one doubles it (default 10). */
  retryDelaySeconds?: number;
  /** How often a worker with nothing to do looks for jobs, and how often expiry is checked (default 1). */
  pollSeconds?: number;
  /** Expire and retry the jobs of dead workers (workers do; a server only sending jobs need not). */
  supervise?: boolean;
}

export interface Job<T> {
  id: string;
  data: T;
}

/** The PostgreSQL schema pg-boss keeps its tables in. */
const SCHEMA = 'sitrep_jobs';

export class JobQueue {
  private readonly loops = new Map<QueueName, { stop: AbortController; loop: Promise<void> }>();
  private readonly errorListeners: Array<(err: Error) => void> = [];

  private constructor(
    private readonly boss: PgBoss,
    readonly timings: Required<QueueTimings>,
  ) {}

  /** Connects to the queue in a PostgreSQL database, creating its tables and queues if needed. */
  static async open(url: string, timings: QueueTimings = {}): Promise<JobQueue> {
    if (dialectOfLocation(url) !== 'postgres')
      throw new SitrepError('QUEUE_UNAVAILABLE', redactUrl(url));
    const t: Required<QueueTimings> = {
      expireSeconds: timings.expireSeconds ?? 300,
      retryLimit: timings.retryLimit ?? 5,
      retryDelaySeconds: timings.retryDelaySeconds ?? 10,
      pollSeconds: timings.pollSeconds ?? 1,
      supervise: timings.supervise ?? true,
    };
    const boss = new PgBoss({
      connectionString: url,
      schema: SCHEMA,
      max: 4,
      maintenanceIntervalSeconds: Math.max(1, Math.round(t.pollSeconds)),
      monitorStateIntervalSeconds: Math.max(1, t.pollSeconds * 5),
      schedule: false,
      supervise: t.supervise,
    });
    // pg-boss reports background errors (a lost connection) as events; logged by the caller.
    boss.on('error', () => {});
    await boss.start();
    const queue = new JobQueue(boss, t);
    await queue.ensureQueues();
    return queue;
  }

  /** Background errors pg-boss met (lost connections, failed maintenance). */
  onError(listener: (err: Error) => void): void {
    this.boss.on('error', listener);
    this.errorListeners.push(listener);
  }

  private emitError(err: unknown): void {
    const error = err instanceof Error ? err : new Error(String(err));
    for (const listener of this.errorListeners) listener(error);
  }

  private async ensureQueues(): Promise<void> {
    if (!(await this.boss.getQueue(QUEUES.dead))) await this.boss.createQueue(QUEUES.dead);
    for (const name of [QUEUES.ingest, QUEUES.extract, QUEUES.analyze, QUEUES.cluster]) {
      const options = {
        name,
        // At most one cluster job waits and one runs: a burst of analyses asks for one pass.
        policy: name === QUEUES.cluster ? ('stately' as const) : ('standard' as const),
        retryLimit: this.timings.retryLimit,
        retryDelay: this.timings.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: this.timings.expireSeconds,
        deadLetter: QUEUES.dead,
      };
      // Settings apply to jobs sent from now on; a queue made earlier takes the new ones.
      if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, options);
      else
        await this.boss.createQueue(name, options).catch(async (err) => {
          // Another process starting at the same moment may have made it first.
          if (!(await this.boss.getQueue(name))) throw err;
        });
    }
  }

  /** Sends jobs as part of a transaction (or straight away, given the store's Kysely). */
  async send<Q extends keyof JobData, DB>(
    db: Kysely<DB>,
    name: Q,
    jobs: Array<JobData[Q]>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(
      jobs.map((data) => ({ name, data })),
      { db: executorOf(db) },
    );
  }

  /**
   * Sends an ingest job for each feed; a feed with a job sent in the last `seconds` gets
   * none, so a slow queue never piles up polls of one feed.
   */
  async sendFeedPolls(feedIds: number[], seconds: number): Promise<void> {
    if (feedIds.length === 0) return;
    await this.boss.insert(
      feedIds.map((feedId) => ({
        name: QUEUES.ingest,
        data: { feedId },
        singletonKey: `feed-${feedId}`,
        singletonSeconds: Math.max(60, Math.round(seconds)),
      })),
    );
  }

  /** Asks for a story pass; a no-op when one is already waiting. */
  async requestClustering(): Promise<void> {
    await this.boss.send(QUEUES.cluster, {});
  }

  /** Marks a job done inside the transaction that did its work. */
  async complete<DB>(db: Kysely<DB>, name: QueueName, id: string): Promise<void> {
    await this.boss.complete(name, id, {}, { db: executorOf(db) });
  }

  /** Marks a job failed now, so it is retried later (or sent to the dead letters). */
  async fail(name: QueueName, id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.boss.fail(name, id, { message });
  }

  /**
   * Takes jobs from a queue, `batchSize` at a time, until stopped. The handler must complete
   * or fail each job it is given (a job left active is retried once it expires). A queue
   * with work is fetched from again at once; only an empty one waits `pollSeconds`
   * (pg-boss's own loop waits after every batch, which caps a fast queue's throughput).
   */
  work<Q extends keyof JobData>(
    name: Q,
    batchSize: number,
    handler: (jobs: Array<Job<JobData[Q]>>) => Promise<void>,
  ): void {
    if (this.loops.has(name)) return;
    const stop = new AbortController();
    const loop = (async () => {
      while (!stop.signal.aborted) {
        let jobs: Array<Job<JobData[Q]>> = [];
        try {
          jobs = (await this.boss.fetch<JobData[Q]>(name, { batchSize })) ?? [];
          if (jobs.length > 0) await handler(jobs.map((j) => ({ id: j.id, data: j.data })));
        } catch (err) {
          this.emitError(err);
          jobs = [];
        }
        if (jobs.length === 0) await sleep(this.timings.pollSeconds * 1000, stop.signal);
      }
    })();
    this.loops.set(name, { stop, loop });
  }

  /** Stops taking jobs from one queue once the batch in hand is done. */
  async stopWorking(name: QueueName): Promise<void> {
    const running = this.loops.get(name);
    if (!running) return;
    this.loops.delete(name);
    running.stop.abort();
    await running.loop;
  }

  /** Jobs waiting (created or due for retry) and running, per queue, and the dead letters. */
  async counts(): Promise<Record<QueueName, { waiting: number; active: number }>> {
    const out = {} as Record<QueueName, { waiting: number; active: number }>;
    for (const name of Object.values(QUEUES)) {
      const waiting = await this.boss.getQueueSize(name, { before: 'active' });
      const active = (await this.boss.getQueueSize(name, { before: 'completed' })) - waiting;
      out[name] = { waiting, active };
    }
    return out;
  }

  /** Stops taking jobs, waits for the batches in hand, and disconnects. */
  async close(): Promise<void> {
    await Promise.all([...this.loops.keys()].map((name) => this.stopWorking(name)));
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}

/** pg-boss runs its SQL through this when it must join a transaction of ours. */
function executorOf<DB>(db: Kysely<DB>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}
