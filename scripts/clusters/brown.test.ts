import { describe, expect, it } from 'vitest';
import { formatClusters, trainBrownClusters, type WordCluster } from './brown.js';

const CLASSES = {
  det: ['the', 'a', 'every'],
  noun: ['cat', 'dog', 'bird', 'horse'],
  verb: ['ran', 'sat', 'slept'],
  prep: ['near', 'under', 'behind'],
};

// Sentences "det noun verb prep det noun", words drawn by a seeded generator.
function toyCorpus(sentences = 400): string[][] {
  let seed = 42;
  const pick = (words: string[]): string => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return words[(seed >> 16) % words.length]!;
  };
  const { det, noun, verb, prep } = CLASSES;
  return Array.from({ length: sentences }, () =>
    [det, noun, verb, prep, det, noun].map(pick),
  );
}

function pathOf(clusters: WordCluster[], word: string): string {
  return clusters.find((c) => c.word === word)!.bits;
}

/** The longest prefix shared by the paths of the words. */
function commonPrefix(clusters: WordCluster[], words: string[]): string {
  const paths = words.map((w) => pathOf(clusters, w));
  let prefix = paths[0]!;
  for (const p of paths) while (!p.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

describe('trainBrownClusters', () => {
  it('keeps its incremental losses equal to their definition', () => {
    expect(() =>
      trainBrownClusters(toyCorpus(60), { clusters: 4, minCount: 1, verify: true }),
    ).not.toThrow();
  });

  it('puts words that fill the same slot in the same cluster', () => {
    const clusters = trainBrownClusters(toyCorpus(), { clusters: 5, minCount: 1 });
    for (const words of [CLASSES.det, CLASSES.noun, CLASSES.prep]) {
      const paths = new Set(words.map((w) => pathOf(clusters, w)));
      expect(paths.size).toBe(1);
    }
    expect(pathOf(clusters, 'cat')).not.toBe(pathOf(clusters, 'the'));
  });

  it('gives each word class its own subtree when every word has its own cluster', () => {
    const clusters = trainBrownClusters(toyCorpus(), { clusters: 100, minCount: 1 });
    const prefixes = Object.values(CLASSES).map((words) => commonPrefix(clusters, words));
    for (const [i, prefix] of prefixes.entries()) {
      expect(prefix.length).toBeGreaterThan(0);
      for (const [j, other] of prefixes.entries()) {
        if (i !== j) expect(other.startsWith(prefix)).toBe(false);
      }
    }
  });

  it('drops rare words, writes wcluster lines, and is deterministic', () => {
    const corpus = [...toyCorpus(), ['zebra']];
    const one = trainBrownClusters(corpus, { clusters: 5, minCount: 2 });
    const two = trainBrownClusters(corpus, { clusters: 5, minCount: 2 });
    expect(formatClusters(one)).toBe(formatClusters(two));
    expect(one.some((c) => c.word === 'zebra')).toBe(false);
    expect(one).toHaveLength(13);
    expect(formatClusters(one).split('\n')[0]).toMatch(/^[01]+\t\S+\t\d+$/);
  });
});
