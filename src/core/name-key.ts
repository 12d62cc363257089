/**
 * The lookup key of a name: case, accents, punctuation and spacing folded, so that
 * "U.S.", "US" and "u.s" meet, and "Yoon Suk-yeol" meets "Yoon Suk Yeol".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/(?<=\b\p{L}) (?=\p{L}\b)/gu, '');
}
