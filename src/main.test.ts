import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteRules } from './main.js';
import { tempDir } from './test-support/index.js';

describe('loadSiteRules', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads a valid rules file, and nothing when there is none', () => {
    const file = write('ok.json', JSON.stringify([{ domains: ['example.org'], body: ['main article'] }]));
    expect(loadSiteRules(file)).toEqual([{ domains: ['example.org'], body: ['main article'] }]);
    expect(loadSiteRules(null)).toEqual([]);
  });

  it('names the file and the problem when the rules are broken', () => {
    expect(() => loadSiteRules(write('bad.json', '[{"domains": ["x"],'))).toThrow(/site rules in .*bad\.json/);
    expect(() => loadSiteRules(write('wrong.json', '[{"domain": "x"}]'))).toThrow(/Invalid configuration: site rules in .*wrong\.json: .*Unrecognized key: "domain".*domains/);
  });
});
