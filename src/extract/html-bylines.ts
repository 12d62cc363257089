// Tells bylines and author bios apart from the body, using the names the page's metadata
// gives for its authors, and the way bios are phrased.
import { type Block, wordCount } from './html-blocks.js';

/** A byline repeated in the body is a short line; longer lines that name the author are prose. */
const BYLINE_LINE_MAX_WORDS = 10;
/** Bios sit among the last blocks of the body. */
const BIO_ZONE = 5;
/** A bio is a few sentences at most. */
const BIO_MAX_WORDS = 90;

/** Verbs that follow the author's name in a bio, in several languages. */
const BIO_VERB =
  /^(?:is|was|has|covers|joined|writes|reports|edits|lives|leads|hosts|spends|works|es|fue|ha|est|a|ist|war|hat|è|é|foi|cobre|escreve|schreibt|écrit)$/i;
/** "<Name> is a reporter for …" and its kin, said of anyone. */
const BIO_ROLE =
  /^(?:[\p{Lu}][\p{L}'’.-]*\s){1,3}(?:is|was|has been)\s(?:a|an|the)\s(?:\S+\s){0,4}(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|author|producer|analyst|freelancer|curator|intern)\b/u;
/** A label announcing the author's bio. */
const ABOUT_AUTHOR =
  /^(?:about the (?:author|writer)s?|über (?:den|die) autor(?:in)?|sobre (?:o|a|el|la) autor[a]?|à propos de l'auteur|l'autore)\s*:?$/i;

const tokensOf = (s: string) => s.match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/** The authors' full names and their single name parts, from a byline string. */
export function bylineNames(byline: string | null): { full: string[]; parts: Set<string> } {
  const full = (byline ?? '')
    .split(/\s*(?:,|;|&|\band\b|\bund\b|\by\b|\be\b|\bet\b)\s*/i)
    .map((n) => n.replace(/^(?:by|von|por|par)\s+/i, '').trim())
    .filter((n) => /\p{L}{2}/u.test(n));
  const parts = new Set(
    full
      .flatMap((n) => tokensOf(n))
      .filter((w) => w.length >= 3)
      .map((w) => w.toLowerCase()),
  );
  return { full: full.map((n) => n.toLowerCase()), parts };
}

/** A short line naming an author, as a byline shows it ("Tom Krisher, AP Auto Writer"). */
export function isBylineOf(text: string, names: { full: string[] }): boolean {
  if (names.full.length === 0 || wordCount(text) > BYLINE_LINE_MAX_WORDS) return false;
  if (/[.!?]["”’]?$/.test(text)) return false;
  const lower = text.toLowerCase();
  // A one-word byline ("Regan", "Beachbody") must be the whole line; a full name may sit in one.
  return names.full.some((n) => (n.includes(' ') ? lower.includes(n) : lower === n));
}

function isBio(text: string, names: { parts: Set<string> }): boolean {
  if (wordCount(text) > BIO_MAX_WORDS) return false;
  if (BIO_ROLE.test(text)) return true;
  const words = tokensOf(text).slice(0, 5);
  const nameEnd = words.findIndex((w) => !names.parts.has(w.toLowerCase().replace(/['’]s$/, '')));
  if (nameEnd <= 0) return false;
  const next = words[nameEnd] ?? '';
  // "Zac covers …", "Mike Wall's book …", "Jeff Foust (jeff@…) is the editor …".
  return BIO_VERB.test(next) || /['’]s$/.test(words[nameEnd - 1] ?? '') || text.includes('@');
}

/** The author bio at the end of the body: an "About the author" block, or bio sentences. */
export function findBio(blocks: Block[], names: { parts: Set<string> }): Set<Block> {
  const found = new Set<Block>();
  const start = Math.max(0, blocks.length - BIO_ZONE);
  for (let i = start; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (ABOUT_AUTHOR.test(block.text)) {
      for (let k = i; k < blocks.length; k++) found.add(blocks[k]!);
      break;
    }
    if (isBio(block.text, names)) found.add(block);
  }
  return found;
}
