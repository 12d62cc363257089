import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FILE } from '../../test-support/index.js';
import { defaultModelPath, findEntityMentions, loadNerModel } from './index.js';

const haveModel = existsSync(defaultModelPath());

describe.skipIf(!haveModel)('findEntityMentions with the committed model', () => {
  const model = haveModel ? loadNerModel() : null;

  it('finds the people of the seed sentence', () => {
    const text =
      'Adding to the urgency, U.S. Defense Secretary Lloyd Austin confirmed that there is evidence of North Korean troops in Russia. White House spokesperson John Kirby also mentioned that the U.S. believes around 3,000 North Korean troops are in Russia.';
    const found = findEntityMentions(model!, text);
    const people = found.filter((e) => e.type === 'PER').map((e) => e.text);
    expect(people).toEqual(['Lloyd Austin', 'John Kirby']);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found.find((e) => e.text === 'Russia')?.type).toBe('LOC');
  });

  it.skipIf(!existsSync(SEED_FILE))('finds the four people of the seed article', () => {
    const text = readFileSync(SEED_FILE, 'utf8');
    const body = text.split('\n').slice(0, 7).join('\n');
    const people = new Set(
      findEntityMentions(model!, body)
        .filter((e) => e.type === 'PER')
        .map((e) => e.text),
    );
    for (const p of ['Vladimir Putin', 'Lloyd Austin', 'John Kirby', 'Yoon Suk Yeol'])
      expect(people).toContain(p);
  });
});
