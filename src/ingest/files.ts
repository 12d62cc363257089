// Reading what a user already has on disk: files and folders of pages, texts, article
// records, feeds and OPML lists. Each file becomes Captures; nothing here parses articles.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../core/charset.js';
import { describeError } from '../core/errors.js';
import type { Capture, CaptureKind } from '../core/types.js';
import { looksLikeFeed, parseFeed } from './feeds/index.js';
import { type OpmlFeed, parseOpml } from './opml.js';

/** Something found in the inputs: a capture to extract, feeds to add, or a failure. */
export type InputEvent =
  | { type: 'capture'; capture: Capture; label: string; bytes: number; file: string }
  | { type: 'feeds'; feeds: OpmlFeed[]; label: string; bytes: number }
  | { type: 'failure'; label: string; reason: string; bytes: number };

export type InputFailure = Extract<InputEvent, { type: 'failure' }>;

export interface InputFile {
  path: string;
  size: number;
  format: FileFormat;
}

export type FileFormat = 'html' | 'text' | 'json' | 'jsonl' | 'opml' | 'feed';

/** Larger single pages or texts are refused: no real article is this big. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A longer JSONL line is refused rather than parsed. */
const MAX_LINE_CHARS = 10 * 1024 * 1024;
/** How much of a file is checked for NUL bytes to tell binary from text. */
const BINARY_SNIFF_BYTES = 8192;

const FORMATS: Record<string, FileFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.txt': 'text',
  '.text': 'text',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.opml': 'opml',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** The format of a file from its name, looking through a trailing ".gz". */
export function formatOf(path: string): FileFormat | null {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  return FORMATS[extname(name)] ?? null;
}

/**
 * Expands paths into the files to read. Folders are walked recursively and files of
 * unknown types inside them are left out; a named file of unknown type is a failure.
 */
export async function listInputFiles(paths: string[]): Promise<{ files: InputFile[]; failures: InputFailure[] }> {
  const files: InputFile[] = [];
  const failures: InputFailure[] = [];
  const visit = async (path: string, named: boolean): Promise<void> => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (err) {
      failures.push({ type: 'failure', label: path, reason: `cannot read: ${describeError(err)}`, bytes: 0 });
      return;
    }
    if (info.isDirectory()) {
      const entries = await readdir(path);
      for (const entry of entries.sort()) {
        if (!entry.startsWith('.')) await visit(join(path, entry), false);
      }
      return;
    }
    const format = formatOf(path);
    if (format) files.push({ path: resolve(path), size: info.size, format });
    else if (named) {
      failures.push({ type: 'failure', label: path, reason: 'unsupported file type', bytes: info.size });
    }
  };
  for (const path of paths) await visit(path, true);
  return { files, failures };
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

async function readWhole(file: InputFile): Promise<Uint8Array> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`file is larger than ${MAX_FILE_BYTES} bytes`);
  const raw = await readFile(file.path);
  const bytes = file.path.toLowerCase().endsWith('.gz') ? gunzipSync(raw, { maxOutputLength: MAX_FILE_BYTES }) : raw;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function fileCapture(file: InputFile, kind: CaptureKind, body: Uint8Array, fragment = ''): Capture {
  return {
    kind,
    origin: pathToFileURL(file.path).href + fragment,
    url: null,
    fetchedAt: new Date().toISOString(),
    status: null,
    contentType: kind === 'html' ? 'text/html' : kind === 'text' ? 'text/plain' : 'application/json',
    charset: null,
    body,
  };
}

/** Yields the events for every input file, never stopping on a bad one. */
export async function* readInputFiles(files: InputFile[]): AsyncGenerator<InputEvent> {
  for (const file of files) {
    try {
      yield* readInputFile(file);
    } catch (err) {
      yield { type: 'failure', label: file.path, reason: describeError(err), bytes: file.size };
    }
  }
}

async function* readInputFile(file: InputFile): AsyncGenerator<InputEvent> {
  const label = file.path;
  if (file.format === 'jsonl' && !file.path.endsWith('.gz')) {
    yield* readJsonLines(file);
    return;
  }
  const body = await readWhole(file);
  if (file.format !== 'jsonl' && looksBinary(body)) {
    yield { type: 'failure', label, reason: 'binary content, not text', bytes: file.size };
    return;
  }
  switch (file.format) {
    case 'html':
    case 'text':
      yield { type: 'capture', capture: fileCapture(file, file.format, body), label, bytes: file.size, file: file.path };
      return;
    case 'opml': {
      const parsed = parseOpml(decodeBytes(body).text);
      yield parsed.ok
        ? { type: 'feeds', feeds: parsed.value, label, bytes: file.size }
        : { type: 'failure', label, reason: `not a valid OPML file (${parsed.detail ?? parsed.reason})`, bytes: file.size };
      return;
    }
    case 'feed':
      yield* readFeedFile(file, decodeBytes(body).text);
      return;
    case 'json':
      yield* readJsonDocument(file, decodeBytes(body).text);
      return;
    case 'jsonl':
      yield* splitJsonLines(file, decodeBytes(body).text);
      return;
  }
}

function recordEvent(file: InputFile, line: string, fragment: string, bytes: number): InputEvent {
  const label = `${file.path}${fragment}`;
  if (line.length > MAX_LINE_CHARS) return { type: 'failure', label, reason: 'record is too large', bytes };
  try {
    JSON.parse(line);
  } catch (err) {
    return { type: 'failure', label, reason: `broken JSON: ${describeError(err)}`, bytes };
  }
  const capture = fileCapture(file, 'record', new TextEncoder().encode(line), fragment);
  return { type: 'capture', capture, label, bytes, file: file.path };
}

async function* readJsonLines(file: InputFile): AsyncGenerator<InputEvent> {
  const lines = createInterface({ input: createReadStream(file.path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const line of lines) {
    number++;
    const bytes = Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    yield recordEvent(file, line, `#L${number}`, bytes);
  }
}

function* splitJsonLines(file: InputFile, text: string): Generator<InputEvent> {
  const lines = text.split('\n');
  const share = file.size / Math.max(lines.length, 1);
  for (const [index, line] of lines.entries()) {
    if (line.trim() !== '') yield recordEvent(file, line, `#L${index + 1}`, share);
  }
}

function* readJsonDocument(file: InputFile, text: string): Generator<InputEvent> {
  const label = file.path;
  if (looksLikeFeed('application/json', text)) {
    yield* readFeedFile(file, text);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    yield { type: 'failure', label, reason: `broken JSON: ${describeError(err)}`, bytes: file.size };
    return;
  }
  const records = recordsIn(parsed);
  const share = file.size / Math.max(records.length, 1);
  for (const [index, record] of records.entries()) {
    yield recordEvent(file, JSON.stringify(record), `#${index}`, share);
  }
}

/** The article records in a JSON document: an array, a wrapper's array, or one record. */
function recordsIn(parsed: unknown): unknown[] {
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object') {
    for (const key of ['articles', 'items', 'data', 'results', 'records']) {
      const value = (parsed as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return [parsed];
}

function* readFeedFile(file: InputFile, text: string): Generator<InputEvent> {
  const parsed = parseFeed(text, null);
  if (!parsed.ok) {
    yield { type: 'failure', label: file.path, reason: `not a valid feed (${parsed.detail ?? parsed.reason})`, bytes: file.size };
    return;
  }
  const share = file.size / Math.max(parsed.value.items.length, 1);
  for (const item of parsed.value.items) {
    const content = item.contentHtml ?? item.summary;
    if (!content) continue;
    const capture = fileCapture(file, 'html', new TextEncoder().encode(content), `#${encodeURIComponent(item.guid)}`);
    capture.hints = { title: item.title, published: item.published, byline: item.author, url: item.url, site: parsed.value.title };
    yield { type: 'capture', capture, label: `${basename(file.path)}: ${item.title ?? item.guid}`, bytes: share, file: file.path };
  }
}
