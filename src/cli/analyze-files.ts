// `sitrep analyze --json FILE...`: extraction and analysis of files, without a database.
// The output shape is fixed by shared/INTERFACES.md.
import { analyzeArticle, type ResolvedMention } from '../analyze/index.js';
import { describeError } from '../core/errors.js';
import type { Annotations, ArticleDraft } from '../core/types.js';
import { extractCapture } from '../extract/index.js';
import { listInputFiles, readInputFiles } from '../ingest/files.js';

/** The INTERFACES.md record for one analyzed file. */
export function toAnalyzeRecord(file: string, draft: ArticleDraft, found: Annotations) {
  return {
    file,
    article: {
      title: draft.title,
      text: draft.text,
      published: draft.published,
      language: draft.language,
      byline: draft.byline,
      site: draft.site,
      related_links: draft.relatedLinks.map((l) => l.text),
      related: draft.relatedLinks,
      url: draft.url,
      canonical_url: draft.canonicalUrl,
      dateline: draft.dateline ?? null,
      paragraphs: draft.paragraphs,
      extractor: draft.extractor,
    },
    entities: (found.entities as ResolvedMention[]).map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      // INTERFACES.md allows PER|ORG|LOC|MISC; nationality words are MISC there, as in CoNLL.
      type: m.type === 'NORP' ? 'MISC' : m.type,
      entity: m.entity,
      ...(m.type === 'NORP' ? { nationality: true } : {}),
      ...(m.role ? { role: m.role } : {}),
      ...(m.affiliation ? { affiliation: m.affiliation } : {}),
    })),
    quotes: found.quotes,
    claims: found.claims.map(({ subjectKey, ...claim }) => ({ ...claim, subject_key: subjectKey })),
    times: found.times,
  };
}

/** Analyzes one file; the result is the INTERFACES.md record, or an error line. */
export async function analyzeFile(
  file: string,
  published: Date | null,
): Promise<{ ok: boolean; record: object }> {
  try {
    const { files, failures } = await listInputFiles([file]);
    if (failures[0]) return { ok: false, record: { file, error: failures[0].reason } };
    for await (const event of readInputFiles(files)) {
      if (event.type === 'failure') return { ok: false, record: { file, error: event.reason } };
      if (event.type !== 'capture') continue;
      const result = extractCapture(event.capture);
      if (!result.ok) return { ok: false, record: { file, error: result.detail ?? result.reason } };
      const draft = result.value;
      const reference = draft.published ? new Date(draft.published) : published;
      const { sharedModels } = await import('../pipeline/analyze.js');
      return {
        ok: true,
        record: toAnalyzeRecord(
          file,
          draft,
          analyzeArticle(draft, { reference, ...sharedModels() }),
        ),
      };
    }
    return { ok: false, record: { file, error: 'no article in file' } };
  } catch (err) {
    return { ok: false, record: { file, error: describeError(err) } };
  }
}
