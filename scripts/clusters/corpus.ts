// Reads the unlabeled news text that word clusters are learned from. Only train.txt of
// CoNLL-2003 is read (its words, not its labels): valid.txt is the evaluation set.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizeNews } from './tokenize.js';

/** A JSON-lines source and the fields of each record that hold prose. */
const SOURCES = [
  { file: 'reuters21578/articles.jsonl', fields: ['title', 'body'] },
  { file: 'polnear/articles.jsonl', fields: ['title', 'text'] },
  { file: 'open-news/articles.jsonl', fields: ['title', 'text'] },
] as const;

/** Token counts per source, for the report. */
export type CorpusStats = Record<string, { docs: number; tokens: number }>;

/** Yields one token sequence per paragraph of every source under dataDir. */
export function* readNewsCorpus(dataDir: string, stats: CorpusStats = {}): Generator<string[]> {
  for (const { file, fields } of SOURCES) {
    const stat = { docs: 0, tokens: 0 };
    stats[file] = stat;
    for (const line of readFileSync(join(dataDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      stat.docs++;
      for (const field of fields) {
        const text = record[field];
        if (typeof text !== 'string') continue;
        // Reuters bodies end with a "Reuter" signature and a control character.
        for (const para of text.replace(/\u0003/g, '').split(/\n\s*\n|\n {3,}/)) {
          const tokens = tokenizeNews(para);
          stat.tokens += tokens.length;
          if (tokens.length > 0) yield tokens;
        }
      }
    }
  }
  const conll = { docs: 0, tokens: 0 };
  stats['conll2003/train.txt'] = conll;
  let sentence: string[] = [];
  for (const line of readFileSync(join(dataDir, 'conll2003/train.txt'), 'utf8').split('\n')) {
    const word = line.split(' ', 1)[0] ?? '';
    if (word === '-DOCSTART-') conll.docs++;
    if (word && word !== '-DOCSTART-') {
      sentence.push(word);
      continue;
    }
    if (sentence.length > 0) yield sentence;
    conll.tokens += sentence.length;
    sentence = [];
  }
  if (sentence.length > 0) yield sentence;
  conll.tokens += sentence.length;
}
