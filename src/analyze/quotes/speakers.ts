// Who a source phrase is: a named entity at its head, a pronoun's antecedent (the nearest
// person before it), what "who" stands for, a title's holder ("the spokesperson"), or the
// phrase itself when it names a body ("South Korean intelligence"). Generic sources ("a
// source", "officials") keep their text but no name.
import type { Mention } from '../../core/types.js';
import type { Span } from './attribute.js';
import { type Gender, personGenders, pronounGender } from './gender.js';

export interface ResolvedSpeaker {
  name: string | null;
  span: Span | null;
}

/** Mentions with the role resolveEntities gives people, when it found one. */
export type SpeakerMention = Mention & { role?: string | null };

const PERSON_PRONOUNS = /^(?:he|she|him|her)$/i;
const GROUP_PRONOUNS = /^(?:they|we|it)$/i;
const RELATIVE = /^(?:who|which)$/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those)\s+/i;
/** How far back (characters) a pronoun looks for its antecedent. */
const PRONOUN_REACH = 1500;

/** The mentions inside a span, less possessors ("Clinton's campaign" is not Clinton). */
function mentionsInside<M extends Mention>(text: string, span: Span, mentions: readonly M[]): M[] {
  return mentions.filter(
    (m) => m.start >= span.start && m.end <= span.end && !ownsTheRest(text, span, m),
  );
}

/**
 * "Obama's spokesman": a possessive with more of the source after it names whose the
 * source is, not the source. A source that ends with the possessive ("Donald Trump's
 * claim that …": the span is "Donald Trump's") is the possessor's own.
 */
function ownsTheRest(text: string, span: Span, m: Mention): boolean {
  const possessive = /^['’]s\b/.exec(text.slice(m.end, m.end + 3));
  return possessive !== null && text.slice(m.end + 2, span.end).trim() !== '';
}

/**
 * The person a phrase names: the last person before any appositive ("Obama, whose criticism
 * of Trump …" is Obama; "White House spokesperson John Kirby" is Kirby), else the last one.
 */
export function headPerson<M extends Mention>(
  text: string,
  span: Span,
  mentions: readonly M[],
): M | null {
  const comma = text.slice(span.start, span.end).indexOf(',');
  const headEnd = comma < 0 ? span.end : span.start + comma;
  const people = mentionsInside(text, span, mentions).filter((m) => m.type === 'PER');
  return people.filter((m) => m.end <= headEnd).at(-1) ?? people.at(-1) ?? null;
}

export class SpeakerResolver {
  private genderTable: Map<string, Gender> | null = null;

  /** Mentions in a source's description but not its head, which pronouns skip. */
  private readonly aside = new Set<SpeakerMention>();

  /** `sources`: the article's source spans, whose descriptions pronouns look past. */
  /** Mentions inside quotation marks: people spoken of, rarely the narrative's "he". */
  private readonly quoted = new Set<SpeakerMention>();

  /**
   * `sources`: the article's source spans, whose descriptions pronouns look past;
   * `quotations`: the quoted stretches (sorted), whose names pronouns look past too.
   */
  constructor(
    private readonly text: string,
    private readonly mentions: readonly SpeakerMention[],
    sources: readonly Span[] = [],
    quotations: readonly Span[] = [],
  ) {
    for (const span of sources) {
      const inside = mentionsInside(text, span, mentions);
      const head = headPerson(text, span, inside);
      for (const m of inside) if (m.entity !== head?.entity) this.aside.add(m);
    }
    let q = 0;
    for (const m of mentions) {
      while (q < quotations.length && quotations[q]!.end <= m.start) q++;
      const around = quotations[q];
      if (around && around.start <= m.start && m.end <= around.end) this.quoted.add(m);
    }
  }

  /** Worked out on the first pronoun: many articles quote no one by pronoun. */
  private get genders(): Map<string, Gender> {
    this.genderTable ??= personGenders(this.text, this.mentions);
    return this.genderTable;
  }

  /** Resolves a source span to a canonical name where the text allows. */
  resolve(span: Span | null): ResolvedSpeaker {
    if (!span) return { name: null, span: null };
    const raw = this.text.slice(span.start, span.end);
    const name = this.nameOf(raw, span);
    return { name: name?.name ?? null, span };
  }

  private nameOf(raw: string, span: Span): { name: string; type: string } | null {
    if (PERSON_PRONOUNS.test(raw)) {
      const wanted = pronounGender(raw);
      // A profile names its subject once and says "he" for pages: any distance will do.
      // "…," said Talavan, a spokesman for Force Ouvrière. "…," he said: not the union.
      // "“… Mateen was radicalized …” He argued": the speaker, not the man he spoke of.
      const person = (m: SpeakerMention) =>
        m.type === 'PER' && !this.aside.has(m) && (this.genders.get(m.entity) ?? wanted) === wanted;
      return (
        this.antecedent(
          span.start,
          (m) => person(m) && !this.quoted.has(m),
          Number.POSITIVE_INFINITY,
        ) ?? this.antecedent(span.start, person, Number.POSITIVE_INFINITY)
      );
    }
    if (RELATIVE.test(raw)) return this.relativeAntecedent(span.start);
    if (GROUP_PRONOUNS.test(raw)) {
      return this.antecedent(span.start, (m) => m.type === 'ORG', 400);
    }
    const inside = mentionsInside(this.text, span, this.mentions);
    const person = headPerson(this.text, span, inside);
    if (person) return { name: person.entity, type: 'PER' };
    const body = inside
      .filter((m) => m.type === 'ORG' || m.type === 'MISC' || m.type === 'LOC')
      .at(-1);
    if (body && body.end - body.start >= (span.end - span.start) * 0.5)
      return { name: body.entity, type: 'ORG' };
    const role = /^the\s+([\p{L} ]+)$/iu.exec(raw)?.[1];
    if (role && !/\p{Lu}/u.test(role)) {
      const holder = this.roleHolder(role, span.start);
      if (holder) return { name: holder, type: 'PER' };
    }
    if (body) return { name: body.entity, type: 'ORG' };
    // A named body with no entity of its own: "South Korean intelligence", "the White House".
    const bare = raw.replace(DETERMINER, '');
    if (/^\p{Lu}/u.test(bare) && !/^(?:I|We|They|He|She|It)$/.test(bare))
      return { name: bare, type: 'ORG' };
    return null;
  }

  private antecedent(
    pos: number,
    ok: (m: SpeakerMention) => boolean,
    reach = PRONOUN_REACH,
  ): { name: string; type: string } | null {
    let best: SpeakerMention | null = null;
    for (const m of this.mentions) {
      if (m.end > pos) break;
      if (pos - m.end <= reach && ok(m)) best = m;
    }
    return best ? { name: best.entity, type: best.type } : null;
  }

  /** "Sanders, who said": the mention right before the relative pronoun, or its phrase. */
  private relativeAntecedent(pos: number): { name: string; type: string } | null {
    const before = this.text.slice(Math.max(0, pos - 80), pos);
    const gap = /,?\s*$/.exec(before)![0].length;
    const end = pos - gap;
    let mention = this.mentions.findLast((m) => m.end <= end && m.end >= end - 1);
    if (!mention) return null;
    // "Sen. Barbara Mikulski of Maryland, who wants": "who" is the person, not the place.
    if (mention.type !== 'PER' && /^who$/i.test(this.text.slice(pos, pos + 3))) {
      const start = mention.start;
      const holder = this.mentions.findLast(
        (m) =>
          m.type === 'PER' &&
          m.end < start &&
          /^\s+(?:of|from)\s+$/.test(this.text.slice(m.end, start)),
      );
      if (holder) mention = holder;
    }
    return { name: mention.entity, type: mention.type === 'PER' ? 'PER' : 'ORG' };
  }

  private roleHolder(role: string, pos: number): string | null {
    const words = role.toLowerCase().split(/\s+/);
    let found: string | null = null;
    for (const m of this.mentions) {
      if (m.end > pos) break;
      const r = m.role?.toLowerCase();
      if (m.type === 'PER' && r && words.some((w) => r.includes(w))) found = m.entity;
    }
    return found;
  }
}
