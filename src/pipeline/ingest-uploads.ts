// Uploaded files (from the API or a web form) ingested with the same readers as
// `sitrep ingest`. Those readers work on paths, so the bytes go to a private temporary
// folder that is removed afterwards; reports name each file as the user sent it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { PipelineContext } from './context.js';
import { emptyReport, type IngestReport, ingestInputs } from './ingest.js';

export interface UploadedFile {
  /** The name the user's file had: its extension picks the reader (.html, .jsonl.gz, .opml…). */
  name: string;
  bytes: Uint8Array;
}

/** Credited when an upload names no outlet, as `local` is for files on disk. */
const UPLOAD_SOURCE = 'upload';
/** Longest file name kept on disk; the rest is cut before the extension. */
const MAX_NAME_CHARS = 100;

/** A file name safe in any folder: no path, no control or reserved characters, extension kept. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '_').replace(/^\.+/, '');
  const ext = extname(cleaned.replace(/\.gz$/i, '')) + (/\.gz$/i.test(cleaned) ? '.gz' : '');
  const stem = cleaned.slice(0, cleaned.length - ext.length).slice(0, MAX_NAME_CHARS);
  return `${stem || 'upload'}${ext}`;
}

/** Ingests uploaded files; a bad file is reported with its reason and never stops the batch. */
export async function ingestUploads(
  ctx: PipelineContext,
  files: UploadedFile[],
  options: { source?: string } = {},
): Promise<IngestReport> {
  if (files.length === 0) return emptyReport();
  const root = await mkdtemp(join(tmpdir(), 'sitrep-upload-'));
  try {
    // The folder's name is what ingest credits when nothing names the outlet.
    const folder = join(root, UPLOAD_SOURCE);
    await mkdir(folder, { mode: 0o700 });
    const taken = new Set<string>();
    const names = new Map<string, string>();
    const paths: string[] = [];
    for (const file of files) {
      const base = safeName(file.name);
      let name = base;
      // Two uploads of one name both go in: a number in front, until it is free.
      for (let n = 2; taken.has(name); n++) name = `${n}-${base}`;
      taken.add(name);
      const path = join(folder, name);
      await writeFile(path, file.bytes, { mode: 0o600 });
      names.set(path, file.name);
      paths.push(path);
    }
    const report = await ingestInputs(paths, ctx, { source: options.source });
    report.failures = report.failures.map((f) => ({ ...f, label: userLabel(f.label, names) }));
    return report;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** A failure label with the temporary path replaced by the name the user sent. */
function userLabel(label: string, names: Map<string, string>): string {
  // Longest first, so that "a.html" never claims the label of "a.html.gz".
  for (const [path, name] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    if (label.startsWith(path)) return name + label.slice(path.length);
  }
  return label;
}
