import { createHash } from 'node:crypto';

/** Hex SHA-256 of bytes or a string: the content hash used for deduplication. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Hash of an article's text with whitespace and case folded, so that the same words
 * captured twice (re-wrapped, different line endings) hash alike.
 */
export function textHash(text: string): string {
  return sha256(text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());
}
