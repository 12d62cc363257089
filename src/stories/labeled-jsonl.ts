// Reading clustering collections: JSON Lines of ECB+ documents ({doc_name, topic, cluster,
// text_tokenized}) or news articles ({id, cluster, title, text, published}). Rows without a
// cluster are kept (they still flow through the stream) but are not scored.
import { z } from 'zod';

/** One article of a clustering collection. */
export interface LabeledRow {
  id: string;
  /** The gold cluster, or null when the row is unlabeled. */
  cluster: string | null;
  /** The topic the row belongs to (ECB+ topic number; else its cluster). */
  topic: string;
  title: string | null;
  text: string;
  published: string | null;
}

const ecbRow = z.object({
  doc_name: z.string(),
  topic: z.union([z.number(), z.string()]).optional(),
  cluster: z.string(),
  text_tokenized: z.string(),
});

const newsRow = z.object({
  id: z.union([z.string(), z.number()]),
  cluster: z.string().nullish(),
  title: z.string().nullish(),
  text: z.string(),
  published: z.string().nullish(),
});

/** Parses a collection; rows of neither shape are skipped and counted. */
export function parseLabeledJsonl(text: string): { rows: LabeledRow[]; skipped: number } {
  const rows: LabeledRow[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    const ecb = ecbRow.safeParse(value);
    if (ecb.success) {
      const e = ecb.data;
      rows.push({
        id: e.doc_name,
        cluster: e.cluster,
        topic: String(e.topic ?? e.doc_name.split('_')[0]),
        title: null,
        text: e.text_tokenized,
        published: null,
      });
      continue;
    }
    const news = newsRow.safeParse(value);
    if (!news.success) {
      skipped++;
      continue;
    }
    const n = news.data;
    rows.push({
      id: String(n.id),
      cluster: n.cluster ?? null,
      topic: n.cluster ?? '',
      title: n.title ?? null,
      text: n.text,
      published: n.published ?? null,
    });
  }
  return { rows, skipped };
}
