// The cue model's file: gzip of JSON with the candidate words, the weights (rounded to
// four decimals, near-zero ones dropped) and the decision threshold.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { modelPath } from '../../core/paths.js';
import type { CueModel } from './cue-model.js';

const FORMAT = 'sitrep-cues/1';
/** Weights smaller than this change no decision worth keeping. */
const PRUNE_BELOW = 1e-3;

interface CueModelJson {
  format: string;
  vocab: string[];
  bias: number;
  threshold: number;
  weights: [string, number][];
  meta: Record<string, unknown>;
}

/** models/quotes/cues.json.gz in the package root. */
export function defaultCueModelPath(): string {
  return modelPath('quotes', 'cues.json.gz');
}

/** The file's bytes for a model: pruned, rounded, sorted, gzipped JSON. */
export function encodeCueModel(model: CueModel, meta: Record<string, unknown> = {}): Buffer {
  const weights = [...model.weights]
    .filter(([, w]) => Math.abs(w) >= PRUNE_BELOW)
    .map(([f, w]): [string, number] => [f, Math.round(w * 1e4) / 1e4])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const json: CueModelJson = {
    format: FORMAT,
    vocab: [...model.vocab].sort(),
    bias: model.bias,
    threshold: model.threshold,
    weights,
    meta,
  };
  return gzipSync(JSON.stringify(json), { level: 9 });
}

/** Reads a model file's bytes; throws on another format or a malformed file. */
export function decodeCueModel(gz: Buffer): CueModel & { meta: Record<string, unknown> } {
  const json = JSON.parse(gunzipSync(gz).toString('utf8')) as CueModelJson;
  if (json?.format !== FORMAT)
    throw new Error(`not a ${FORMAT} cue model (format ${json?.format})`);
  const ok =
    Array.isArray(json.vocab) &&
    Array.isArray(json.weights) &&
    typeof json.bias === 'number' &&
    typeof json.threshold === 'number';
  if (!ok) throw new Error(`malformed ${FORMAT} cue model`);
  return {
    vocab: new Set(json.vocab),
    weights: new Map(json.weights),
    bias: json.bias,
    threshold: json.threshold,
    meta: json.meta,
  };
}

/** Loads the committed cue model (or the one at `path`). */
export function loadCueModel(path: string = defaultCueModelPath()): CueModel {
  return decodeCueModel(readFileSync(path));
}

/** Writes a model file, with what made it in `meta`. */
export function saveCueModel(
  path: string,
  model: CueModel,
  meta: Record<string, unknown> = {},
): void {
  writeFileSync(path, encodeCueModel(model, meta));
}
