// Claims compared across sources: the figures a story's articles claim, grouped into subject
// areas ("North Korean troops") and, inside them, quantities (what exactly is counted:
// "troops being trained in Russia" vs "personnel to be sent"). Within a quantity, figures
// that no hedge reconciles are flagged as a disagreement, or as an update when the later
// figure speaks of a later moment. Pure: imports only core.
import type { Claim, Hedge } from '../core/types.js';
import { groupAreas, groupQuantities, type Item, itemsOf } from './claims-compare-group.js';
import {
  areaLabel,
  isLater,
  quantityLabel,
  type TimeRef,
  type WordWeights,
} from './claims-compare-match.js';
import { disagreementReason, figuresAgree, formatFigure } from './claims-compare-values.js';

/** A claim as found in one article of the story. */
export interface StoryClaim {
  claim: Claim;
  articleId: string | number;
  /** The outlet (site or source name) that published the article. */
  outlet: string;
  /** The article's publish time (ISO 8601), if known. */
  published: string | null;
  /** Near-duplicate group: copies of one wire story share it and count as one source. */
  copyGroup?: string | number | null;
}

/** One article that reports a figure. */
export interface ClaimReport {
  articleId: string | number;
  outlet: string;
  published: string | null;
}

/** One figure for a quantity, as claimed by one source, with every article reporting it. */
export interface ClaimRow {
  value: number;
  low: number | null;
  high: number | null;
  hedge: Hedge | null;
  unit: string | null;
  /** The figure's words in the first article ("around 3,000 North Korean troops"). */
  text: string;
  subject: string;
  /** Who claims it: the attributed speaker, else the outlet. */
  source: string;
  /** The time it speaks of ("2024-10-25", "2012", "XXXX-12"), the publish day when unstated. */
  time: string | null;
  reports: ClaimReport[];
  /** Distinct voices among the reports: one per wire-copy group, else one per outlet. */
  independentSources: number;
}

export type FlagKind = 'disagreement' | 'update';

/** Two figures for one quantity that no hedge reconciles, with a reason a person can read. */
export interface QuantityFlag {
  kind: FlagKind;
  /** Indexes into the quantity's rows: the earlier (or first) figure, then the other. */
  rows: [number, number];
  reason: string;
}

export type QuantityStatus = 'single' | 'agreed' | 'updated' | 'disputed';

/** What exactly is counted, with every figure given for it. */
export interface Quantity {
  label: string;
  unit: string;
  rows: ClaimRow[];
  independentSources: number;
  outlets: string[];
  status: QuantityStatus;
  flags: QuantityFlag[];
}

/** Quantities about one thing; their figures are not compared with each other. */
export interface SubjectArea {
  label: string;
  unit: string;
  quantities: Quantity[];
  /** Where figures of different quantities differ: says that they count different things. */
  notes: AreaNote[];
}

/** Two quantities of one area whose figures differ because they count different things. */
export interface AreaNote {
  /** Indexes into the area's quantities. */
  quantities: [number, number];
  reason: string;
}

export interface ClaimsTable {
  areas: SubjectArea[];
  /** Claims left out because their subject or unit is too vague to compare. */
  uncompared: number;
}

/** Enough flags and notes to show a dispute; more would bury the table. */
const MAX_FLAGS = 6;
const MAX_NOTES = 3;

/** Builds the claims table of a story from the claims its articles make. */
export function compareClaims(claims: readonly StoryClaim[]): ClaimsTable {
  const { items, weight } = itemsOf(claims);
  const areas = groupAreas(items, weight).map((members) => buildArea(members, weight));
  areas.sort((a, b) => sourcesOf(b) - sourcesOf(a) || rowCount(b) - rowCount(a));
  return { areas, uncompared: claims.length - items.length };
}

const sourcesOf = (area: SubjectArea) =>
  Math.max(...area.quantities.map((q) => q.independentSources));
const rowCount = (area: SubjectArea) => area.quantities.reduce((n, q) => n + q.rows.length, 0);

function buildArea(members: readonly Item[], weight: WordWeights): SubjectArea {
  const quantities = groupQuantities(members, weight).map(buildQuantity);
  quantities.sort(
    (a, b) => b.independentSources - a.independentSources || b.rows.length - a.rows.length,
  );
  const counts = new Map<string, number>();
  for (const m of members) for (const w of m.words) counts.set(w, (counts.get(w) ?? 0) + 1);
  const shared = [...counts].filter(([, n]) => n * 2 >= members.length).map(([w]) => w);
  return {
    label: areaLabel(
      members.map((m) => m.input.claim.subject),
      [...shared, members[0]!.unit],
    ),
    unit: members[0]!.unit,
    quantities,
    notes: differentQuantityNotes(quantities),
  };
}

interface RowDraft {
  row: ClaimRow;
  time: TimeRef | null;
  voices: Set<string>;
}

function buildQuantity(members: readonly Item[]): Quantity {
  const drafts = new Map<string, RowDraft>();
  for (const item of members) {
    const { claim, outlet, articleId, published } = item.input;
    const source = claim.source ?? outlet;
    // The outlet's own figure is one claim per voice; a named source's is one claim however
    // many outlets carry it.
    const speaker = source === outlet ? item.voice : `said:${source.toLowerCase()}`;
    const key = [claim.value, claim.low, claim.high, claim.hedge, speaker].join('|');
    let draft = drafts.get(key);
    if (!draft) {
      const { value, low, high, hedge, unit, text, subject } = claim;
      const row = {
        value,
        low,
        high,
        hedge,
        unit,
        text,
        subject,
        source,
        time: item.time?.key ?? null,
      };
      draft = {
        row: { ...row, reports: [], independentSources: 0 },
        time: item.time,
        voices: new Set(),
      };
      drafts.set(key, draft);
    }
    if (!draft.row.reports.some((r) => r.articleId === articleId)) {
      draft.row.reports.push({ articleId, outlet, published });
    }
    draft.voices.add(item.voice);
    draft.row.independentSources = draft.voices.size;
  }
  const rows = [...drafts.values()];
  const flags = flagFigures(rows);
  const voices = new Set(members.map((m) => m.voice));
  const independentSources = voices.size;
  const status: QuantityStatus = flags.some((f) => f.kind === 'disagreement')
    ? 'disputed'
    : flags.length > 0
      ? 'updated'
      : independentSources > 1
        ? 'agreed'
        : 'single';
  return {
    label: quantityLabel(members.map((m) => m.input.claim.subject)),
    unit: members[0]!.unit,
    rows: rows.map((d) => d.row),
    independentSources,
    outlets: [...new Set(members.map((m) => m.input.outlet))],
    status,
    flags,
  };
}

const describe = (row: ClaimRow) => `${formatFigure(row)} (${row.source})`;
const describeAt = (row: ClaimRow) =>
  `${formatFigure(row)} (${row.source}, ${row.time ?? 'undated'})`;

/**
 * Pairs of figures no hedge reconciles. A later figure for a later moment is an update;
 * figures for one moment from independent voices are a disagreement. Figures from one voice
 * for one moment are left alone: one outlet restating itself is no dispute.
 */
function flagFigures(drafts: readonly RowDraft[]): QuantityFlag[] {
  const flags: QuantityFlag[] = [];
  const seen = new Set<string>();
  // Formatted once per row: the pairing below is quadratic, formatting is not cheap.
  const shown = drafts.map((d) => formatFigure(d.row));
  for (let i = 0; i < drafts.length && flags.length < MAX_FLAGS; i++) {
    for (let j = i + 1; j < drafts.length && flags.length < MAX_FLAGS; j++) {
      const a = drafts[i]!;
      const b = drafts[j]!;
      if (figuresAgree(a.row, b.row)) continue;
      const pair = [shown[i]!, shown[j]!].sort().join('|');
      if (seen.has(pair)) continue;
      const [early, late, rows]: [RowDraft, RowDraft, [number, number]] = isLater(b.time, a.time)
        ? [b, a, [j, i]]
        : [a, b, [i, j]];
      if (isLater(early.time, late.time)) {
        const reason = `${describeAt(early.row)} → ${describeAt(late.row)}: a later figure for a later time`;
        flags.push({ kind: 'update', rows, reason });
      } else if (![...a.voices].some((v) => b.voices.has(v))) {
        const reason = `${describe(a.row)} vs ${describe(b.row)}: ${disagreementReason(a.row, b.row)}`;
        flags.push({ kind: 'disagreement', rows, reason });
      } else continue;
      seen.add(pair);
    }
  }
  return flags;
}

/**
 * Where two quantities of one area carry figures that would disagree, say that they count
 * different things, so a reader does not take them for a contradiction.
 */
function differentQuantityNotes(quantities: readonly Quantity[]): AreaNote[] {
  const notes: AreaNote[] = [];
  for (let i = 0; i < quantities.length && notes.length < MAX_NOTES; i++) {
    for (let j = i + 1; j < quantities.length && notes.length < MAX_NOTES; j++) {
      const qa = quantities[i]!;
      const qb = quantities[j]!;
      const pair = qa.rows.flatMap((a) => qb.rows.map((b) => [a, b] as const));
      const clash = pair.find(([a, b]) => !figuresAgree(a, b));
      if (!clash) continue;
      const [a, b] = clash;
      const what = (q: Quantity, r: ClaimRow) =>
        qa.label === qb.label ? `${q.label} in ${r.time ?? 'an unstated time'}` : q.label;
      const reason =
        `${describe(a)} counts ${what(qa, a)}; ${describe(b)} counts ${what(qb, b)}: ` +
        'different quantities, not a disagreement';
      notes.push({ quantities: [i, j], reason });
    }
  }
  return notes;
}
