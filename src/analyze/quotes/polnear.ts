// Loader for a PolNeAR split folder (`text/<name>.txt`, `attributions/<name>_<annotator>.ann`).
//
// The .ann files are brat standoff:
//   T<n>\t<Type> <start> <end>[;<start> <end>...]\t<covered text, fragments joined by ' '>
//   E<n>\t<Trigger>:T<a> Content:T<b> [Content2:T<c>] [Cue:T<d>] [Source:T<e>]
// with Type one of Source, Cue, Content, Attribution (the event trigger, same span as the
// Cue), Attribution-no-source, Discard and Discuss (the last two are never linked by an E
// line and are ignored). Offsets count Unicode code points of the text file (brat is
// Python); they are converted here to UTF-16 indices, so `text.slice(start, end)` works.
// A few articles were annotated by several annotators (one .ann each); the loader keeps
// the annotator whose id sorts first, so each article is scored once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A half-open range of UTF-16 indices into the article text. */
export interface Span {
  start: number;
  end: number;
}

/** One attribution relation; discontinuous parts are separate spans, in text order. */
export interface GoldAttribution {
  content: Span[];
  source: Span[] | null;
  cue: Span[] | null;
}

export interface PolnearArticle {
  id: string;
  text: string;
  /** Which annotator's .ann file was used. */
  annotator: string;
  attributions: GoldAttribution[];
}

interface TextBound {
  type: string;
  spans: Span[];
  covered: string;
}

/** Maps code-point offsets to UTF-16 offsets; identity when the text has no astral chars. */
function codePointMapper(text: string): (cp: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

/** Parses one brat .ann file against its text. Throws on a malformed line. */
export function parseBratAnn(ann: string, text: string): GoldAttribution[] {
  const toUtf16 = codePointMapper(text);
  const bounds = new Map<string, TextBound>();
  const events: string[][] = [];
  for (const raw of ann.split('\n')) {
    const line = raw.replace(/\r$/, '');
    // A covered text that spans a line break continues on lines with no brat id.
    if (!line.trim() || !/^[TERAN#*]\d*\t/.test(line)) continue;
    const [id, body = '', covered = ''] = line.split('\t');
    if (id!.startsWith('T')) {
      const m = /^(\S+) (.+)$/.exec(body);
      if (!m) throw new Error(`bad text-bound line: ${line}`);
      const spans = m[2]!.split(';').map((part) => {
        const [s, e] = part.trim().split(' ').map(Number);
        if (!Number.isInteger(s) || !Number.isInteger(e)) throw new Error(`bad span: ${line}`);
        return { start: toUtf16(s!), end: toUtf16(e!) };
      });
      bounds.set(id!, { type: m[1]!, spans, covered });
    } else if (id!.startsWith('E')) {
      events.push(body.trim().split(/\s+/));
    }
    // R, A, #, * and other line kinds carry nothing the benchmark needs.
  }
  const out: GoldAttribution[] = [];
  for (const args of events) {
    const content: Span[] = [];
    let source: Span[] | null = null;
    let cue: Span[] | null = null;
    for (const arg of args) {
      const [role, ref] = arg.split(':');
      const tb = ref ? bounds.get(ref) : undefined;
      if (!role || !tb) continue;
      const r = role.replace(/\d+$/, '');
      if (r === 'Content') content.push(...tb.spans);
      else if (r === 'Source') source = [...(source ?? []), ...tb.spans];
      else if (r === 'Cue') cue = [...(cue ?? []), ...tb.spans];
    }
    if (content.length === 0) continue;
    content.sort((a, b) => a.start - b.start);
    out.push({ content, source, cue });
  }
  return out;
}

/** Text-bound annotations whose covered text disagrees with the text file (a sanity check). */
export function offsetMismatches(ann: string, text: string): string[] {
  const toUtf16 = codePointMapper(text);
  const bad: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body = '', covered] = line.replace(/\r$/, '').split('\t');
    if (!id?.startsWith('T') || covered === undefined) continue;
    const spans = body
      .replace(/^\S+ /, '')
      .split(';')
      .map((p) => p.trim().split(' ').map(Number));
    const got = spans.map(([s, e]) => text.slice(toUtf16(s!), toUtf16(e!))).join(' ');
    if (got !== covered) bad.push(`${id}: ${JSON.stringify(got)} != ${JSON.stringify(covered)}`);
  }
  return bad;
}

/** Loads every article of a split folder that has both a text and an .ann file. */
export function loadPolnearSplit(dir: string): PolnearArticle[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new Error(`${dir} is not a PolNeAR split folder (needs text/ and attributions/)`);
  }
  const annByArticle = new Map<string, string[]>();
  for (const name of readdirSync(annDir).sort()) {
    const m = /^(.*)_([0-9a-f]+)\.ann$/.exec(name);
    if (!m) continue;
    const list = annByArticle.get(m[1]!) ?? [];
    list.push(m[2]!);
    annByArticle.set(m[1]!, list);
  }
  const articles: PolnearArticle[] = [];
  for (const name of readdirSync(textDir).sort()) {
    if (!name.endsWith('.txt')) continue;
    const id = name.slice(0, -4);
    const annotator = annByArticle.get(id)?.[0];
    if (!annotator) continue;
    const text = readFileSync(join(textDir, name), 'utf8');
    const ann = readFileSync(join(annDir, `${id}_${annotator}.ann`), 'utf8');
    articles.push({ id, text, annotator, attributions: parseBratAnn(ann, text) });
  }
  return articles;
}

/** The annotator .ann path of an article, for sanity checks. */
export function annPath(dir: string, article: PolnearArticle): string {
  return join(dir, 'attributions', `${article.id}_${article.annotator}.ann`);
}
