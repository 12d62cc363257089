// A cheap pre-filter: chrono runs a dozen regular expressions over whatever it is given, and
// most news sentences hold no time at all. Only runs of sentences with a trigger word are read.

/**
 * Anything a time finder needs: a month or weekday name, a time word or unit, a clock time, a
 * numeric date or a year. Month and weekday names must be capitalised ("may", "sat" are not).
 */
const TRIGGER = new RegExp(
  [
    String.raw`\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\s\d)`,
    String.raw`|\b(?:January|February|March|April|May|June|July|August|September|October|November|December`,
    '|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
    '|[Tt]o(?:day|night|morrow)|[Yy]esterday|[Nn]oon|[Mm]idnight|[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight',
    String.raw`|ago|[Dd]ays?|[Ww]eek(?:end|s)?|[Mm]onths?|[Yy]ears?|[Qq]uarters?|[Hh]alf|[Dd]ecades?|[Ff]ortnight|[Hh]ours?|[Mm]inutes?|Q[1-4])\b`,
    String.raw`|\d(?::\d|\s?[ap]\.?m\b|\s?o['’]clock|[/.-]\d)|\b(?:1[5-9]|20)\d\d`,
  ].join(''),
  'g',
);
/** A sentence end: a stop before a capital, or a line break. */
const SENTENCE_END = /[.!?]["”’')\]]*\s+(?=["“‘'(]?\p{Lu})|\n+/gu;
/** A stop after two lower-case letters ends a sentence; "Oct. 3" and "p.m. Tuesday" do not. */
const WORD_BEFORE_STOP = /[a-z]{2}$/;

/** [start, end) runs of whole sentences that contain a trigger, in text order. */
export function findCandidateBlocks(text: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  const trigger = new RegExp(TRIGGER);
  let hit = trigger.exec(text);
  let start = 0;
  const endSentence = (end: number) => {
    if (hit && hit.index < end) {
      const last = blocks.at(-1);
      if (last && last[1] === start) last[1] = end;
      else blocks.push([start, end]);
      trigger.lastIndex = end;
      hit = trigger.exec(text);
    }
    start = end;
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    if (!hit) break;
    if (m[0][0] !== '\n' && !WORD_BEFORE_STOP.test(text.slice(m.index - 2, m.index))) continue;
    endSentence(m.index + m[0].length);
  }
  endSentence(text.length);
  return blocks;
}
