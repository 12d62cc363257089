// Time expressions in news text, normalized against the publish time. chrono-node reads the
// dates, weekdays and clock times; our own finders read what news wording adds (cued years,
// quarters, "earlier this month", "over the past three years", "last weekend"), and
// since/until/by and range wording turn periods into intervals and deadlines.
//
// Values (TimeExpr.value), with a reference (publish) time:
//   day "2024-10-25", week "2024-W43", month "2024-10", quarter "2024-Q3", year "2024",
//   instant "2024-10-22T15:00", range "2019/2021", "2014/2024-10-25" (since),
//   "2024-10-25/2025-03" (until), "../2011" (until a past period), half year "2023-07/2023-12",
//   decade "1990/1999", weekend "2024-10-19/2024-10-20".
// Without one, what depends on it stays relative: a signed ISO duration in the unit of its
// grain from the reference's own day/week/month/quarter/year ("P0D" today, "-P1M" last month,
// "P1Y" next year, "-P1Q" last quarter; grain 'relative'), rolling stretches as
// "-P3Y/P0D"; the reference end of since/until as ".." beside a dated end ("2014/.."), and
// unknown parts as X ("XXXX-12", "XXXX-Q3", "XXXX-WXX-1" a Monday, "XXXX-XX-XXT15:00").
import type { TimeExpr } from '../core/types.js';
import { findCandidateBlocks } from './time/candidate-blocks.js';
import { findChronoMentions } from './time/chrono-mentions.js';
import { composeMentions } from './time/compose.js';
import { findPeriodPhrases } from './time/period-phrases.js';
import { findRelativePhrases } from './time/relative-phrases.js';
import { resolveSpec } from './time/resolve.js';
import type { Mention } from './time/spec.js';

/** Options for findTimes: the publish time that relative expressions are anchored on. */
export interface FindTimesOptions {
  reference: Date | null;
}

/** Finds time expressions in a text and normalizes them against the reference (publish) time. */
export function findTimes(text: string, opts: FindTimesOptions): TimeExpr[] {
  const reference =
    opts.reference && !Number.isNaN(opts.reference.getTime()) ? opts.reference : null;
  const mentions: Mention[] = [];
  for (const [start, end] of findCandidateBlocks(text)) {
    const block = text.slice(start, end);
    mentions.push(
      ...findChronoMentions(block, start, reference),
      ...findPeriodPhrases(block, start),
      ...findRelativePhrases(block, start),
    );
  }
  const times: TimeExpr[] = [];
  for (const m of composeMentions(text, mentions)) {
    const resolved = resolveSpec(m.spec, reference);
    if (resolved)
      times.push({ text: text.slice(m.start, m.end), start: m.start, end: m.end, ...resolved });
  }
  return times;
}
