import { describe, expect, it } from 'vitest';
import { sha256, textHash } from './hash.js';

describe('textHash', () => {
  it('ignores case and whitespace differences', () => {
    expect(textHash('North Korean\r\n troops')).toBe(textHash('north korean troops'));
  });
  it('tells different words apart', () => {
    expect(textHash('3,000 troops')).not.toBe(textHash('12,000 troops'));
  });
  it('hashes bytes and strings alike', () => {
    expect(sha256(new TextEncoder().encode('abc'))).toBe(sha256('abc'));
  });
});
