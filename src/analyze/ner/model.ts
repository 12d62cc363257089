// The model file: gzip of a JSON header and three blobs (feature strings, name lists,
// word clusters) followed by int16 weights. Loading is synchronous and takes well under 1 s.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { modelPath } from '../../core/paths.js';
import type { FeatureConfig } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { N_LABELS } from './labels.js';
import type { NerModel } from './tagger.js';

const FORMAT = 'sitrep-ner/1';
/** Rows whose largest |weight| is below this never change a decision worth keeping. */
export const PRUNE_BELOW = 0.05;

interface Header {
  format: string;
  config: FeatureConfig;
  labels: number;
  stages: number;
  features: number;
  scale: number;
  bytes: { features: number; gazetteer: number; clusters: number };
  meta: Record<string, unknown>;
}

/** models/ner/model.bin.gz in the package root. */
export function defaultModelPath(): string {
  return modelPath('ner', 'model.bin.gz');
}

/** Drops near-zero rows and quantizes the rest; returns the file's bytes. */
export function encodeModel(model: NerModel, meta: Record<string, unknown> = {}): Buffer {
  const keep: [string, number][] = [];
  let maxAbs = 0;
  for (const [f, id] of model.index) {
    let m = 0;
    for (const w of model.stages) {
      for (let k = 0; k < N_LABELS; k++) m = Math.max(m, Math.abs(w[id * N_LABELS + k]!));
    }
    if (m >= PRUNE_BELOW) {
      keep.push([f, id]);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  const scale = maxAbs / 32767 || 1;
  const rows = keep.length * N_LABELS;
  const weights = new Int16Array(rows * model.stages.length);
  model.stages.forEach((w, stage) => {
    keep.forEach(([, id], row) => {
      for (let k = 0; k < N_LABELS; k++) {
        weights[stage * rows + row * N_LABELS + k] = Math.round(w[id * N_LABELS + k]! / scale);
      }
    });
  });
  const features = Buffer.from(keep.map(([f]) => f).join('\n'), 'utf8');
  const gaz = Buffer.from(
    [...model.resources.gazetteer].map(([p, m]) => `${m}\t${p}`).join('\n'),
    'utf8',
  );
  const clusters = Buffer.from(
    [...(model.resources.clusters ?? [])].map(([w, b]) => `${b}\t${w}`).join('\n'),
    'utf8',
  );
  const header: Header = {
    format: FORMAT,
    config: model.resources.config,
    labels: N_LABELS,
    stages: model.stages.length,
    features: keep.length,
    scale,
    bytes: { features: features.length, gazetteer: gaz.length, clusters: clusters.length },
    meta,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const body = [len, head, features, gaz, clusters];
  const used = body.reduce((n, b) => n + b.length, 0);
  body.push(Buffer.alloc(used % 2), Buffer.from(weights.buffer));
  return gzipSync(Buffer.concat(body), { level: 9 });
}

/** Writes a model file. */
export function saveNerModel(
  path: string,
  model: NerModel,
  meta?: Record<string, unknown>,
): number {
  const bytes = encodeModel(model, meta);
  writeFileSync(path, bytes);
  return bytes.length;
}

/** Reads a model file's bytes into a tagger. */
export function decodeModel(gz: Buffer): NerModel & { meta: Record<string, unknown> } {
  const buf = gunzipSync(gz);
  const headLen = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString('utf8', 4, 4 + headLen)) as Header;
  if (header.format !== FORMAT || header.labels !== N_LABELS) {
    throw new Error(`ner: unsupported model format ${header.format}`);
  }
  let at = 4 + headLen;
  const text = (n: number): string => {
    const s = buf.toString('utf8', at, at + n);
    at += n;
    return s;
  };
  const featureText = text(header.bytes.features);
  const gazText = text(header.bytes.gazetteer);
  const clusterText = text(header.bytes.clusters);
  at += at % 2;
  const index = new Map<string, number>();
  for (const f of featureText.split('\n')) index.set(f, index.size);
  const rows = header.features * N_LABELS;
  const q = new Int16Array(
    buf.buffer.slice(buf.byteOffset + at, buf.byteOffset + at + rows * header.stages * 2),
  );
  const stages: Float32Array[] = [];
  for (let stage = 0; stage < header.stages; stage++) {
    const w = new Float32Array(rows);
    for (let i = 0; i < rows; i++) w[i] = q[stage * rows + i]! * header.scale;
    stages.push(w);
  }
  const gazetteer: Gazetteer = new Map();
  for (const line of gazText ? gazText.split('\n') : []) {
    const tab = line.indexOf('\t');
    gazetteer.set(line.slice(tab + 1), Number(line.slice(0, tab)));
  }
  let clusters: Map<string, string> | null = null;
  if (clusterText) {
    clusters = new Map();
    for (const line of clusterText.split('\n')) {
      const tab = line.indexOf('\t');
      clusters.set(line.slice(tab + 1), line.slice(0, tab));
    }
  }
  return {
    index,
    stages,
    resources: { config: header.config, gazetteer, clusters },
    meta: header.meta,
  };
}

/** Loads the tagger from a model file (default: the committed models/ner/model.bin.gz). */
export function loadNerModel(path: string = defaultModelPath()): NerModel {
  try {
    return decodeModel(readFileSync(path));
  } catch (cause) {
    throw new Error(`ner: cannot load model ${path}`, { cause });
  }
}
