// Speaker names on direct quotes, the Gender Gap Tracker's measure: for each gold quoted
// Content whose gold Source holds a person's name, does sitrep's quote over that content
// name the same person (through pronouns, "who" and titles as well as names)? Names on both
// sides come from sitrep's own tagger and entity resolution, so a tagger miss on the gold
// side drops the pair rather than counting against the quote finder.
import { findEntityMentions, loadNerModel, resolveEntities } from '../src/analyze/index.js';
import { type CueModel, findAttributedQuotes } from '../src/analyze/quotes/index.js';
import type { PolnearArticle } from '../src/analyze/quotes/polnear.js';
import { headPerson } from '../src/analyze/quotes/speakers.js';
import { normalizeSpans, quoteKind, sharedChars, spanLength } from '../src/analyze/quotes/score.js';

export interface SpeakerNameScore {
  direct_quotes_with_named_source: number;
  found: number;
  speaker_name_accuracy: number;
}

export function scoreSpeakerNames(
  articles: readonly PolnearArticle[],
  cues: CueModel | null,
): SpeakerNameScore {
  const ner = loadNerModel();
  let pairs = 0;
  let found = 0;
  let right = 0;
  for (const a of articles) {
    const mentions = resolveEntities(a.text, findEntityMentions(ner, a.text));
    const quotes = findAttributedQuotes(a.text, mentions, cues);
    for (const g of a.attributions) {
      if (!g.source || quoteKind(a.text, g.content) !== 'direct') continue;
      const src = normalizeSpans(g.source);
      // The named person heads the gold source, by the rule sitrep's own sources follow.
      const person = headPerson(a.text, src[0]!, mentions);
      if (!person) continue;
      pairs++;
      const content = normalizeSpans(g.content);
      const q = quotes.find((q) => 2 * sharedChars(content, [q.clause]) > spanLength(content));
      if (!q) continue;
      found++;
      if (q.quote.speaker.name === person.entity) right++;
    }
  }
  return {
    direct_quotes_with_named_source: pairs,
    found,
    speaker_name_accuracy: found ? Math.round((right / found) * 10000) / 10000 : 0,
  };
}
