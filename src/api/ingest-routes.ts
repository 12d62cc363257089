// POST /api/ingest: a URL (a page, a feed, or a site whose feeds are then added) as JSON,
// or files as multipart/form-data. The answer is the ingest report: counts, each failure
// with its one-line reason, and the new article ids, once they are analyzed and placed.
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { SitrepError } from '../core/errors.js';
import { afterIngest } from '../pipeline/after-ingest.js';
import type { PipelineContext } from '../pipeline/context.js';
import { ingestUrl } from '../pipeline/feeds.js';
import { emptyReport, type IngestReport, mergeInto } from '../pipeline/ingest.js';
import { ingestUploads, type UploadedFile } from '../pipeline/ingest-uploads.js';
import type { ApiDeps } from './app.js';
import { requireWrite } from './auth.js';
import type { RouteDoc } from './openapi.js';
import { readJsonBody } from './schemas.js';

type Parse = <T extends z.ZodType>(schema: T, input: unknown) => z.output<T>;

/** Largest upload accepted in one request: a day's worth of saved pages, well under memory. */
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export const IngestBody = z.object({
  url: z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' }),
  source: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('the outlet to credit when the page names none'),
});

export const IngestResult = z.object({
  added: z.number().int(),
  duplicates: z.number().int(),
  unchanged: z.number().int().describe('these exact bytes were ingested before'),
  skipped: z.number().int().describe('not articles'),
  failed: z.number().int(),
  feedsAdded: z.number().int(),
  failures: z.array(z.object({ label: z.string(), reason: z.string() })),
  articleIds: z.array(z.number().int()),
  analyzed: z.number().int(),
  placed: z.number().int().describe('articles placed in stories'),
  matched: z.number().int().describe('watch matches'),
});

export const INGEST_ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/ingest',
    summary:
      'Ingest a URL (JSON {url}) or files (multipart/form-data: any number of file fields, and an optional `source`); ' +
      'txt, html, json, jsonl, .gz, OPML and feed files are read as by `sitrep ingest`',
    body: IngestBody,
    response: IngestResult,
  },
];

/** The files and the `source` field of a multipart request. */
async function uploadsOf(c: Context): Promise<{ files: UploadedFile[]; source?: string }> {
  const form = await c.req.parseBody({ all: true });
  const files: UploadedFile[] = [];
  for (const value of Object.values(form).flat()) {
    if (value instanceof File)
      files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  const source =
    typeof form.source === 'string' && form.source.trim() ? form.source.trim() : undefined;
  return { files, source };
}

/** Adds POST /api/ingest; it needs a token and a pipeline (503 without one). */
export function mountIngestRoutes(app: Hono, deps: ApiDeps, parse: Parse): void {
  // The global authenticate() middleware refuses such writes too; this says so at the route.
  const write: MiddlewareHandler = requireWrite();
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw new SitrepError('UPLOAD_TOO_LARGE', `at most ${MAX_UPLOAD_BYTES} bytes per request`);
    },
  });

  app.post('/api/ingest', write, limit, async (c) => {
    if (!deps.pipeline) throw new SitrepError('INGEST_UNAVAILABLE');
    const ctx: PipelineContext = deps.pipeline;
    let report: IngestReport;
    if ((c.req.header('content-type') ?? '').startsWith('multipart/form-data')) {
      const { files, source } = await uploadsOf(c);
      if (files.length === 0) throw new SitrepError('BAD_REQUEST', 'no files in the upload');
      report = await ingestUploads(ctx, files, { source });
    } else {
      const { url, source } = parse(IngestBody, await readJsonBody(c));
      const part = await ingestUrl(ctx, url, source ?? url);
      report = emptyReport();
      mergeInto(report, part);
      report.feedsAdded = part.feedsAdded;
    }
    const processed = await afterIngest(ctx);
    return c.json({ ...report, ...processed });
  });
}
