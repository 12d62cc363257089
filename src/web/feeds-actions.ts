// What the feeds page's forms do: add a feed, import OPML, add the starter list, poll a
// feed now, ingest a URL, upload files. Each answers with the feeds page and a plain
// account of what happened, failures item by item.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { describeError } from '../core/errors.js';
import { canonicalizeUrl } from '../core/url.js';
import { parseOpml } from '../ingest/opml.js';
import { STARTER_FEEDS } from '../ingest/starter-feeds.js';
import { afterIngest } from '../pipeline/after-ingest.js';
import type { PipelineContext } from '../pipeline/context.js';
import { addFeeds, ingestUrl, pollFeed } from '../pipeline/feeds.js';
import { ingestUploads } from '../pipeline/ingest-uploads.js';
import type { ItemFailure } from '../pipeline/store-captures.js';
import { formText, notice, type PageDeps, positiveInt, writeGuard } from './page-kit.js';

/** What a form did, shown above the feeds page. */
export interface ActionResult {
  status: 200 | 400 | 503;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
}

/** Uploads are held in memory while parsed: room for a large export, not for exhausting memory. */
const UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;
/** Articles linked from a report: enough to open what just came in. */
const REPORT_LINKS = 20;

interface Report {
  added: number;
  duplicates: number;
  unchanged: number;
  skipped: number;
  failed: number;
  feedsAdded?: number;
  failures: ItemFailure[];
  articleIds: number[];
}

/** An ingest outcome in words, with each failure on its own line. */
export function reportBody(what: string, r: Report): ActionResult {
  const parts = [
    `${r.added} new article${r.added === 1 ? '' : 's'}`,
    r.duplicates ? `${r.duplicates} already stored` : '',
    r.unchanged ? `${r.unchanged} unchanged` : '',
    r.skipped ? `${r.skipped} not articles` : '',
    r.failed ? `${r.failed} failed` : '',
    r.feedsAdded ? `${r.feedsAdded} feed${r.feedsAdded === 1 ? '' : 's'} added` : '',
  ].filter(Boolean);
  const failed = r.failures.length > 0 && r.added === 0 && !r.feedsAdded;
  return {
    status: 200,
    body: html`<section class="report" aria-labelledby="report-h"><h2 id="report-h">${what}</h2>
${notice(failed ? 'error' : 'ok', `${parts.join(', ')}.`)}
${
  r.failures.length > 0
    ? html`<ul class="failures">${r.failures.map((f) => html`<li><strong>${f.label}</strong>: ${f.reason}</li>`)}</ul>`
    : ''
}${
  r.articleIds.length > 0
    ? html`<p>Open: ${r.articleIds.slice(0, REPORT_LINKS).map((id) => html`<a href="/articles/${id}">article ${id}</a> `)}</p>`
    : ''
}</section>`,
  };
}

const message = (
  status: ActionResult['status'],
  kind: 'ok' | 'error',
  text: string,
): ActionResult => ({
  status,
  body: notice(kind, text),
});

/** Polls feeds one after another without holding up the answer, then analyzes what came in. */
function pollInBackground(ctx: PipelineContext, feedIds: number[]): void {
  const run = async () => {
    for (const id of feedIds) {
      const feed = await ctx.store.feeds.get(id);
      if (feed) await pollFeed(ctx, feed);
    }
    await afterIngest(ctx);
  };
  run().catch((err) => ctx.log.error(`background poll failed: ${describeError(err)}`));
}

async function addAndPoll(
  ctx: PipelineContext,
  feeds: ReadonlyArray<{ url: string; title?: string | null; siteUrl?: string | null }>,
) {
  const before = new Set((await ctx.store.feeds.list()).map((f) => f.id));
  const added = await addFeeds(
    ctx,
    feeds.map((f) => ({
      url: f.url,
      title: f.title ?? null,
      siteUrl: f.siteUrl ?? null,
      category: null,
    })),
  );
  const fresh = (await ctx.store.feeds.list()).filter((f) => !before.has(f.id)).map((f) => f.id);
  pollInBackground(ctx, fresh);
  return added;
}

type Render = (c: Context, result?: ActionResult) => Promise<Response>;

/** Registers the POST routes behind the feeds page and the first-run panel. */
export function mountFeedActions(app: Hono, deps: PageDeps, render: Render): void {
  const guard = writeGuard(deps);
  const limit = bodyLimit({
    maxSize: UPLOAD_LIMIT_BYTES,
    onError: (c) =>
      render(
        c,
        message(
          400,
          'error',
          `Uploads are limited to ${UPLOAD_LIMIT_BYTES / 1024 / 1024} MB at a time.`,
        ),
      ),
  });
  const withPipeline =
    (work: (c: Context, ctx: PipelineContext) => Promise<ActionResult>) => async (c: Context) => {
      if (!deps.pipeline)
        return render(c, message(503, 'error', 'Ingest is not set up on this server.'));
      return render(c, await work(c, deps.pipeline));
    };

  app.post(
    '/feeds',
    guard,
    withPipeline(async (c, ctx) => {
      const url = canonicalizeUrl((await formText(c)).url ?? '');
      if (!url) return message(400, 'error', 'That is not an http(s) URL.');
      const { id, added } = await ctx.store.feeds.add(url, null, null);
      const feed = await ctx.store.feeds.get(id);
      const polled = feed ? await pollFeed(ctx, feed) : null;
      await afterIngest(ctx);
      if (polled?.error) {
        return message(
          200,
          'error',
          `Added ${url}, but fetching it failed: ${polled.error}. sitrep will try again later.`,
        );
      }
      return message(
        200,
        'ok',
        `${added ? 'Added' : 'Fetched'} ${url}: ${polled?.added ?? 0} new articles.`,
      );
    }),
  );

  app.post(
    '/feeds/opml',
    guard,
    limit,
    withPipeline(async (c, ctx) => {
      const file = (await c.req.parseBody()).file;
      if (!(file instanceof File)) return message(400, 'error', 'Choose an OPML file to import.');
      const parsed = parseOpml(await file.text());
      if (!parsed.ok) return message(400, 'error', parsed.detail ?? 'That is not an OPML file.');
      const added = await addAndPoll(ctx, parsed.value);
      return message(
        200,
        'ok',
        `Imported ${file.name}: ${added} new of ${parsed.value.length} feeds. They are being fetched now.`,
      );
    }),
  );

  app.post(
    '/feeds/starter',
    guard,
    withPipeline(async (_c, ctx) => {
      const added = await addAndPoll(ctx, STARTER_FEEDS);
      return message(
        200,
        'ok',
        `Added ${added} starter feeds. They are being fetched now; reload to see how each one goes.`,
      );
    }),
  );

  app.post(
    '/feeds/:id/poll',
    guard,
    withPipeline(async (c, ctx) => {
      const feed = await ctx.store.feeds.get(positiveInt(c.req.param('id')) ?? 0);
      if (!feed) return message(400, 'error', 'There is no such feed.');
      const polled = await pollFeed(ctx, { ...feed, etag: null, lastModified: null });
      await afterIngest(ctx);
      return reportBody(`Polled ${feed.title ?? feed.url}`, {
        ...polled,
        failures: polled.error
          ? [{ label: feed.url, reason: polled.error }, ...polled.failures]
          : polled.failures,
      });
    }),
  );

  app.post(
    '/ingest/url',
    guard,
    withPipeline(async (c, ctx) => {
      const url = canonicalizeUrl((await formText(c)).url ?? '');
      if (!url) return message(400, 'error', 'That is not an http(s) URL.');
      const result = await ingestUrl(ctx, url, url);
      await afterIngest(ctx);
      return reportBody(`Ingested ${url}`, {
        ...result.counts,
        ...result,
        feedsAdded: result.feedsAdded,
      });
    }),
  );

  app.post(
    '/ingest/files',
    guard,
    limit,
    withPipeline(async (c, ctx) => {
      const body = await c.req.parseBody({ all: true });
      const files = [body.files].flat().filter((f): f is File => f instanceof File && f.size > 0);
      if (files.length === 0) return message(400, 'error', 'Choose at least one file to upload.');
      const source =
        typeof body.source === 'string' && body.source.trim() ? body.source.trim() : undefined;
      const uploads = await Promise.all(
        files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
      );
      const report = await ingestUploads(ctx, uploads, { source });
      await afterIngest(ctx);
      return reportBody(`Uploaded ${files.length} file${files.length === 1 ? '' : 's'}`, report);
    }),
  );
}
