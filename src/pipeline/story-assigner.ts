// One worker at a time places articles in stories: the clusterer keeps recent stories in
// memory, and two of them placing at once would each miss the other's stories. The
// assigner is whichever worker holds a PostgreSQL session advisory lock; when it dies its
// connection closes, the lock is freed, and the next worker to try takes over. On taking
// over it starts a new lease generation (see migration 009) and rebuilds its clusterer
// from the store; each placement confirms the generation in its own transaction.
import pg from 'pg';
import { describeError } from '../core/errors.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { PipelineContext } from './context.js';
import { assignStories, forgetStoryState } from './stories.js';

/** The advisory lock key of the story assigner (a fixed number unique to sitrep). */
const ASSIGNER_LOCK = 0x5174_0003;

export interface AssignerOptions {
  /** The database URL: the lock needs a connection of its own, held for as long as it leads. */
  url: string;
  /** Names this process in the lease, for people reading the database. */
  holder: string;
  /** Seconds between attempts to take over, and between placement sweeps (default 5). */
  intervalSeconds?: number;
}

export class StoryAssigner {
  private client: pg.Client | null = null;
  private generation: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private placing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly ctx: Pick<PipelineContext, 'store' | 'log' | 'pollIntervalMinutes'> & {
      queue: JobQueue;
    },
    private readonly options: AssignerOptions,
  ) {}

  /** True while this process is the one placing articles. */
  get leading(): boolean {
    return this.generation !== null;
  }

  /** Tries to lead now and every interval after; while leading, places and schedules feeds. */
  start(): void {
    const tick = () => {
      this.running = this.running.then(() => this.tick()).catch((err) => this.lose(err));
    };
    tick();
    this.timer = setInterval(tick, (this.options.intervalSeconds ?? 5) * 1000);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    if (!this.leading && !(await this.tryLead())) return;
    await this.place();
    await this.scheduleFeeds();
  }

  private async tryLead(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.options.url });
    client.on('error', (err) => void this.lose(err));
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [ASSIGNER_LOCK],
    );
    if (!rows[0]?.locked) {
      await client.end();
      return false;
    }
    this.client = client;
    forgetStoryState(this.ctx.store);
    this.generation = await this.ctx.store.storyLease.take(this.options.holder);
    this.ctx.queue.work('cluster', 1, async (jobs) => {
      try {
        await this.place();
      } catch (err) {
        // Not awaited: stepping down stops this very loop, which waits for this handler.
        // The job stays active, expires, and goes to whoever leads next.
        void this.lose(err);
        return;
      }
      for (const job of jobs)
        await this.ctx.queue.complete(this.ctx.store.kysely, 'cluster', job.id);
    });
    this.ctx.log.info(
      { generation: this.generation },
      'this worker now places articles in stories',
    );
    return true;
  }

  /**
   * Places every analyzed article not yet in a story (what a cluster job asks for). Runs
   * one at a time in this process too: the sweep and a cluster job must not both place
   * the same pending articles.
   */
  private place(): Promise<void> {
    const run = this.placing.then(() => this.placeNow());
    this.placing = run.catch(() => {});
    return run;
  }

  private async placeNow(): Promise<void> {
    const generation = this.generation;
    if (generation === null) return;
    try {
      const placed = await assignStories(this.ctx, undefined, (repos) =>
        repos.storyLease.confirm(generation),
      );
      if (placed > 0) this.ctx.log.info({ placed }, 'articles placed in stories');
    } catch (err) {
      // Memory may hold placements the failed transaction did not keep.
      forgetStoryState(this.ctx.store);
      throw err;
    }
    // Workers log their entity count changes and the one assigner folds them in (see
    // migration 010), so no two writers wait on the much-named entities' rows. A fold that
    // fails (a deadlock with a user's merge) leaves the changes logged for the next one.
    await this.ctx.store.entities
      .foldCountChanges()
      .catch((err) => this.ctx.log.warn(`entity counts not folded yet: ${describeError(err)}`));
  }

  /** Sends an ingest job for each feed whose poll is due; at most one waits per feed. */
  private async scheduleFeeds(): Promise<void> {
    const due = await this.ctx.store.feeds.due(new Date().toISOString());
    await this.ctx.queue.sendFeedPolls(
      due.map((f) => f.id),
      this.ctx.pollIntervalMinutes * 60,
    );
  }

  private async lose(err: unknown): Promise<void> {
    if (this.leading)
      this.ctx.log.warn(`stopped placing articles in stories: ${describeError(err)}`);
    else if (!this.stopped)
      this.ctx.log.warn(`cannot take the story assigner's lock: ${describeError(err)}`);
    this.generation = null;
    forgetStoryState(this.ctx.store);
    await this.ctx.queue.stopWorking('cluster').catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  /** Stops leading and trying to lead; the lock is freed with its connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => {});
    if (this.leading) {
      this.generation = null;
      await this.ctx.queue.stopWorking('cluster').catch(() => {});
    }
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}
