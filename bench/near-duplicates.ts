// Wire-copy / near-duplicate detection (src/stories/near-duplicates.ts) on real data:
// 1. thresholds: a sweep over exact shingle overlap of pairs from a Reuters sample, with
//    edited copies of real articles (new headline, dateline, dropped or added paragraph,
//    excerpt) and same-headline same-day Reuters pairs as positives, and Reuters pairs
//    whose headlines share under 30% of words as negatives;
// 2. approximation: LSH + MinHash decisions against brute-force exact overlap on the sample;
// 3. all of Reuters-21578: exact and near-duplicate groups, throughput, peak RSS;
// 4. throughput with over 100,000 articles indexed (Reuters and PolNeAR texts re-spelled
//    per pass so that each pass is new text of real length);
// 5. PolNeAR: cross-outlet copy groups, printed for judging by eye.
// The last line is one JSON object with the figures.
//
//   npm run -s bench:near-duplicates
import { join } from 'node:path';
import {
  isNearDuplicate,
  MIN_CONTAINMENT,
  MIN_JACCARD,
  MIN_SHARED_SHINGLES,
  NearDuplicateIndex,
  type Overlap,
} from '../src/stories/near-duplicates.js';
import { exactOverlap, shingleHashes } from '../src/stories/near-duplicates-fingerprint.js';
import { seededRandom, shuffled } from '../src/core/seeded-random.js';
import { normalizeDate } from '../src/extract/normalize-date.js';
import { DATA_DIR } from '../src/test-support/index.js';
import { readJsonl } from './jsonl.js';

const SAMPLE = 5000;
const EDITED = 1000;
/** Share of different-story pairs the chosen thresholds may merge: 1 in 20,000. */
const MAX_FALSE_MERGE_RATE = 5e-5;

interface Doc {
  id: string;
  title: string;
  text: string;
  published: number;
  outlet: string;
  wire?: string;
}

function loadReuters(): Doc[] {
  return readJsonl(join(DATA_DIR, 'reuters21578/articles.jsonl')).map((r) => ({
    id: `reuters-${r.newid}`,
    title: String(r.title ?? ''),
    text: String(r.body ?? ''),
    published: Date.parse(normalizeDate(r.date) ?? ''),
    outlet: 'reuters',
  }));
}

function loadPolnear(): Doc[] {
  return readJsonl(join(DATA_DIR, 'polnear/articles.jsonl')).map((r) => ({
    id: String(r.filename),
    title: String(r.title ?? ''),
    text: String(r.text ?? ''),
    published: Date.parse(String(r.publication_date)),
    outlet: String(r.publisher),
    wire: String(r.wire),
  }));
}

const titleWords = (t: string) =>
  new Set(
    t
      .toLowerCase()
      .replace(/^corrected\s*-\s*/, '')
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
function wordJaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both || 1);
}

const tickers = (t: string) => new Set([...t.matchAll(/<([^>]+)>/g)].map((m) => m[1]!));

/** Silver label: headlines naming different companies, or sharing under 30% of words, are different stories. */
function differentStories(a: Doc, b: Doc, wordsA: Set<string>, wordsB: Set<string>): boolean {
  const ta = tickers(a.title);
  const tb = tickers(b.title);
  if (ta.size > 0 && tb.size > 0 && [...ta].every((t) => !tb.has(t))) return true;
  return wordJaccard(wordsA, wordsB) < 0.3;
}

function overlapOf(shared: number, sizeA: number, sizeB: number): Overlap {
  return {
    jaccard: shared / (sizeA + sizeB - shared),
    containment: shared / Math.min(sizeA, sizeB),
    shared,
  };
}

/** Exact overlap of every pair sharing a shingle, through an inverted index. */
function exactPairs(sets: Uint32Array[]): Map<number, number> {
  const postings = new Map<number, number[]>();
  sets.forEach((s, i) => {
    for (const h of s) {
      const list = postings.get(h);
      if (list) list.push(i);
      else postings.set(h, [i]);
    }
  });
  const shared = new Map<number, number>();
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = list[a]! * sets.length + list[b]!;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  return shared;
}

/** Lightly edited copies of a real article, as outlets make them. */
function editedCopies(text: string, extra: string): Record<string, string> {
  const paras = text.split(/\n\s{2,}|\n\n/).filter((p) => p.trim());
  const head =
    'EXCLUSIVE: Markets React As Officials Weigh In\n\nBy Jane Doe, Associated Press\n\nWASHINGTON (AP) — ';
  const body = (ps: string[]) => ps.join('\n\n');
  return {
    headline: head + text,
    'drop-last': body(paras.slice(0, -1)),
    'extra-paragraph': `${text}\n\n${extra}`,
    combined: head + body([...paras.slice(0, -1), extra]),
    excerpt: body(paras.slice(0, Math.ceil(paras.length * 0.6))),
  };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function main(): void {
  const reuters = loadReuters();
  const nonEmpty = reuters.filter((d) => d.text.trim());
  const sample = shuffled(nonEmpty, 1).slice(0, SAMPLE);
  const sets = sample.map((d) => shingleHashes(d.text));
  const titles = sample.map((d) => titleWords(d.title));
  const day = (d: Doc) => Math.floor(d.published / 86_400_000);

  // 1. Threshold sweep on exact overlap.
  const t0 = performance.now();
  const pairs = exactPairs(sets);
  const bruteMs = performance.now() - t0;
  const positives: Overlap[] = [];
  const negatives: Overlap[] = [];
  for (const [key, shared] of pairs) {
    const a = Math.floor(key / sets.length);
    const b = key % sets.length;
    const o = overlapOf(shared, sets[a]!.length, sets[b]!.length);
    const sameTitle =
      sample[a]!.title.replace(/^CORRECTED\s*-\s*/, '') ===
      sample[b]!.title.replace(/^CORRECTED\s*-\s*/, '');
    if (sameTitle && day(sample[a]!) === day(sample[b]!)) positives.push(o);
    else if (differentStories(sample[a]!, sample[b]!, titles[a]!, titles[b]!)) negatives.push(o);
  }
  const random = seededRandom(2);
  const editedByKind = new Map<string, Overlap[]>();
  const multiParagraph = sample.filter((d) => d.text.split(/\n\s{2,}/).length >= 3);
  for (const d of multiParagraph.slice(0, EDITED)) {
    const other = nonEmpty[Math.floor(random() * nonEmpty.length)]!;
    const extra = other.text.split(/\n\s{2,}/)[0]!;
    const original = shingleHashes(d.text);
    for (const [kind, text] of Object.entries(editedCopies(d.text, extra))) {
      const copy = shingleHashes(text);
      const { jaccard } = exactOverlap(original, copy);
      const shared = Math.round((jaccard * (original.length + copy.length)) / (1 + jaccard));
      const list = editedByKind.get(kind) ?? [];
      list.push(overlapOf(shared, original.length, copy.length));
      editedByKind.set(kind, list);
    }
  }
  const edited = [...editedByKind.values()].flat();
  const allPositives = [...positives, ...edited];
  const score = (rule: (o: Overlap) => boolean) => {
    const tp = allPositives.filter(rule).length;
    const fp = negatives.filter(rule).length;
    const p = tp / (tp + fp || 1);
    const r = tp / allPositives.length;
    return { p, r, f1: (2 * p * r) / (p + r || 1), fp };
  };
  // Precision first: a false merge hides an independent source, so the pick is the
  // highest recall with at most MAX_FALSE_MERGE_RATE of the negative pairs passing.
  let best = { j: 0, c: 0, s: 0, f1: -1, p: 0, r: -1, fp: 0 };
  for (let j = 0.2; j <= 0.951; j += 0.05) {
    for (let c = 0.4; c <= 1.001; c += 0.05) {
      for (const s of [3, 5, 10, 15, 20, 30, 40]) {
        const rule = (o: Overlap) =>
          o.shared < s ? o.jaccard >= 0.999 : o.jaccard >= j || o.containment >= c;
        const m = score(rule);
        if (m.fp <= negatives.length * MAX_FALSE_MERGE_RATE && m.r > best.r)
          best = { j, c, s, ...m };
      }
    }
  }
  const chosen = score(isNearDuplicate);
  console.log(
    `sweep: ${SAMPLE} Reuters articles, ${pairs.size} pairs sharing a shingle (brute force ${bruteMs.toFixed(0)} ms); ` +
      `positives ${positives.length} same-headline same-day + ${edited.length} edited copies; negatives ${negatives.length}`,
  );
  console.log(
    `  best with ≤ ${MAX_FALSE_MERGE_RATE * 100}% negatives passing: jaccard ≥ ${best.j.toFixed(2)} or containment ≥ ${best.c.toFixed(2)}, shared ≥ ${best.s}: ` +
      `P ${pct(best.p)} R ${pct(best.r)} F1 ${pct(best.f1)} (${best.fp} negatives pass)`,
  );
  console.log(
    `  in use:  jaccard ≥ ${MIN_JACCARD} or containment ≥ ${MIN_CONTAINMENT}, shared ≥ ${MIN_SHARED_SHINGLES}: ` +
      `P ${pct(chosen.p)} R ${pct(chosen.r)} F1 ${pct(chosen.f1)} (${chosen.fp} negatives pass)`,
  );
  const editedRecall: Record<string, number> = {};
  for (const [kind, list] of editedByKind) {
    editedRecall[kind] = list.filter(isNearDuplicate).length / list.length;
  }
  console.log(
    `  edited-copy recall (exact overlap): ${Object.entries(editedRecall)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ')}`,
  );
  console.log(
    `  same-headline same-day recall: ${pct(positives.filter(isNearDuplicate).length / positives.length)}`,
  );

  // 2. LSH + MinHash against exact overlap on the same sample.
  const exactCopies = new Set<number>();
  for (const [key, shared] of pairs) {
    const a = Math.floor(key / sets.length);
    const b = key % sets.length;
    if (isNearDuplicate(overlapOf(shared, sets[a]!.length, sets[b]!.length))) exactCopies.add(key);
  }
  const approx: Record<string, { precision: number; recall: number; articlesPerSec: number }> = {};
  for (const [bands, rows] of [
    [64, 2],
    [42, 3],
    [32, 4],
    [25, 5],
  ] as const) {
    const index = new NearDuplicateIndex({ capacity: SAMPLE, bands, rows });
    const found = new Set<number>();
    const pos = new Map<string, number>();
    const t = performance.now();
    sample.forEach((d, i) => {
      for (const m of index.query(d.text, Number.POSITIVE_INFINITY)) {
        const j = pos.get(m.id)!;
        found.add(Math.min(i, j) * sets.length + Math.max(i, j));
      }
      index.add({ id: d.id, text: d.text });
      pos.set(d.id, i);
    });
    const ms = performance.now() - t;
    let both = 0;
    for (const k of found) if (exactCopies.has(k)) both++;
    approx[`${bands}x${rows}`] = {
      precision: both / (found.size || 1),
      recall: both / (exactCopies.size || 1),
      articlesPerSec: Math.round(SAMPLE / (ms / 1000)),
    };
  }
  console.log(
    `approximation: ${exactCopies.size} exact near-duplicate pairs in the sample; LSH bands×rows:`,
  );
  for (const [k, v] of Object.entries(approx)) {
    console.log(
      `  ${k}: P ${pct(v.precision)} R ${pct(v.recall)} (query+add ${v.articlesPerSec} articles/s)`,
    );
  }

  // 3. All of Reuters, in file order with publish times.
  const index = new NearDuplicateIndex();
  const t1 = performance.now();
  for (const d of reuters)
    index.add({ id: d.id, text: d.text, published: d.published, outlet: d.outlet });
  const reutersMs = performance.now() - t1;
  const groupSizes = new Map<string, number>();
  for (const d of reuters) {
    if (!d.text.trim()) continue;
    const g = index.groupOf(d.id)!;
    groupSizes.set(g, (groupSizes.get(g) ?? 0) + 1);
  }
  const nearGroups = [...groupSizes.values()].filter((n) => n > 1);
  const exactGroups = new Map<string, string[]>();
  for (const d of nonEmpty) {
    const key = d.text.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
    exactGroups.set(key, [...(exactGroups.get(key) ?? []), d.id]);
  }
  const exactDup = [...exactGroups.values()].filter((g) => g.length > 1);
  const exactKept = exactDup.filter((g) =>
    g.every((id) => index.groupOf(id) === index.groupOf(g[0]!)),
  ).length;
  const reutersRate = reuters.length / (reutersMs / 1000);
  console.log(
    `reuters21578: ${reuters.length} articles (${nonEmpty.length} with a body) in ${reutersMs.toFixed(0)} ms, ${reutersRate.toFixed(0)} articles/s`,
  );
  console.log(
    `  exact-duplicate groups (case/whitespace folded): ${exactDup.length} holding ${exactDup.reduce((n, g) => n + g.length - 1, 0)} extra copies; ${exactKept} of them inside one index group`,
  );
  console.log(
    `  near-duplicate groups: ${nearGroups.length} holding ${nearGroups.reduce((a, b) => a + b, 0)} articles; independent texts ${index.independentSources(nonEmpty.map((d) => d.id))} of ${nonEmpty.length}`,
  );

  const reutersRss = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak RSS so far ${reutersRss.toFixed(0)} MB (data, the sweep and this index)`);

  // 4. Throughput with 100,000+ articles indexed.
  const scale = (docs: Doc[], passes: number, label: string) => {
    const big = new NearDuplicateIndex({ capacity: 150_000 });
    let timed = 0;
    let timedMs = 0;
    for (let p = 0; p < passes; p++) {
      // Re-spelling every word makes each pass new text with the same length profile.
      const texts = docs.map((d) =>
        p === 0 ? d.text : d.text.replace(/[A-Za-z]+/g, (w) => `${w}q${p}`),
      );
      const before = big.size;
      const t = performance.now();
      for (const [i, d] of docs.entries()) {
        big.add({ id: `${d.id}#${p}`, text: texts[i]!, published: d.published });
      }
      if (before >= 100_000) {
        timed += docs.length;
        timedMs += performance.now() - t;
      }
    }
    const rate = timed / (timedMs / 1000);
    console.log(
      `  ${label}: ${big.size} indexed; the ${timed} adds made with ≥ 100,000 indexed ran at ${rate.toFixed(0)} articles/s`,
    );
    return Math.round(rate);
  };
  console.log('throughput at scale (one core):');
  const reutersAt100k = scale(reuters, 6, 'Reuters ×6');
  const polnear = loadPolnear();
  const polnearAt100k = scale(polnear, 120, 'PolNeAR ×120 (news-length texts)');

  // 5. PolNeAR cross-outlet copies.
  const pIndex = new NearDuplicateIndex();
  const byId = new Map(polnear.map((d) => [d.id, d]));
  const hits = new Map<string, number>();
  for (const d of [...polnear].sort((a, b) => a.published - b.published)) {
    const r = pIndex.add({ id: d.id, text: d.text, published: d.published, outlet: d.outlet });
    if (r.nearest) hits.set(d.id, r.similarity);
  }
  const pGroups = new Map<string, Doc[]>();
  for (const d of polnear)
    pGroups.set(pIndex.groupOf(d.id)!, [...(pGroups.get(pIndex.groupOf(d.id)!) ?? []), d]);
  const multi = [...pGroups.values()].filter((g) => g.length > 1);
  const crossOutlet = multi.filter((g) => new Set(g.map((d) => d.outlet)).size > 1);
  console.log(
    `polnear: ${polnear.length} articles; ${multi.length} near-duplicate groups, ${crossOutlet.length} across outlets; ` +
      `independent texts ${pIndex.independentSources(byId.keys())}, independent outlets ${pIndex.independentOutlets(byId.keys())}`,
  );
  // Brute force: the closest cross-outlet pair says whether any wire copy was missed.
  const pSets = polnear.map((d) => shingleHashes(d.text));
  let closest = { jaccard: 0, containment: 0, a: '', b: '' };
  for (let a = 0; a < polnear.length; a++) {
    for (let b = a + 1; b < polnear.length; b++) {
      if (polnear[a]!.outlet === polnear[b]!.outlet) continue;
      const o = exactOverlap(pSets[a]!, pSets[b]!);
      if (o.containment > closest.containment)
        closest = { ...o, a: polnear[a]!.id, b: polnear[b]!.id };
    }
  }
  console.log(
    `  closest cross-outlet pair (exact): containment ${closest.containment.toFixed(2)}, jaccard ${closest.jaccard.toFixed(2)}: ${closest.a} / ${closest.b}`,
  );
  for (const g of multi) {
    console.log(`  group (${g.length}):`);
    for (const d of g) {
      const s = hits.get(d.id);
      console.log(
        `    ${d.id} [${d.outlet}, wire ${d.wire}] ${s === undefined ? 'first' : `J≈${s.toFixed(2)}`} — ${d.title.slice(0, 90)}`,
      );
    }
  }

  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS ${rss.toFixed(0)} MB`);
  console.log(
    JSON.stringify({
      bench: 'near-duplicates',
      thresholds: {
        jaccard: MIN_JACCARD,
        containment: MIN_CONTAINMENT,
        shared: MIN_SHARED_SHINGLES,
      },
      sweepBest: {
        jaccard: +best.j.toFixed(2),
        containment: +best.c.toFixed(2),
        shared: best.s,
        f1: +best.f1.toFixed(4),
      },
      thresholdF1: +chosen.f1.toFixed(4),
      editedRecall,
      approximation: approx,
      reuters: {
        articles: reuters.length,
        exactDuplicateGroups: exactDup.length,
        exactGroupsFound: exactKept,
        nearDuplicateGroups: nearGroups.length,
        articlesInNearGroups: nearGroups.reduce((a, b) => a + b, 0),
        articlesPerSec: Math.round(reutersRate),
      },
      articlesPerSecAt100k: { reuters: reutersAt100k, polnear: polnearAt100k },
      polnear: {
        groups: multi.length,
        crossOutletGroups: crossOutlet.length,
        closestCrossOutletContainment: +closest.containment.toFixed(3),
      },
      reutersPeakRssMb: Math.round(reutersRss),
      peakRssMb: Math.round(rss),
    }),
  );
}

main();
