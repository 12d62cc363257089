// The story's timeline chart: how many articles it drew per hour, day or week over its
// life (GDELT-style volume), as a server-rendered SVG bar chart with a text summary.
import { html } from 'hono/html';
import { binLabel, binLength, binStart, grainFor, timeScale, timeTicks } from './chart-axis.js';

const WIDTH = 720;
const HEIGHT = 170;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };

/** Counts per bin, including the empty bins between busy ones so that gaps show. */
export function binCounts(times: readonly string[]): {
  grain: ReturnType<typeof grainFor>;
  bins: Array<{ start: number; count: number }>;
} {
  const ms = times.map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t));
  if (ms.length === 0) return { grain: 'day', bins: [] };
  const from = Math.min(...ms);
  const to = Math.max(...ms);
  const grain = grainFor(to - from);
  const step = binLength(grain);
  const counts = new Map<number, number>();
  for (const t of ms) counts.set(binStart(t, grain), (counts.get(binStart(t, grain)) ?? 0) + 1);
  const bins = [];
  for (let start = binStart(from, grain); start <= to; start += step)
    bins.push({ start, count: counts.get(start) ?? 0 });
  return { grain, bins };
}

/** An SVG bar chart of articles over time, with its summary as the accessible name. */
export function timelineChart(times: readonly string[], id = 'volume') {
  const { grain, bins } = binCounts(times);
  if (bins.length === 0) return '';
  const peak = bins.reduce((a, b) => (b.count > a.count ? b : a));
  const summary = `${times.length} articles from ${binLabel(bins[0]!.start, grain)} to ${binLabel(bins.at(-1)!.start, grain)}; busiest ${grain}: ${binLabel(peak.start, grain)} with ${peak.count}.`;
  const step = binLength(grain);
  const from = bins[0]!.start;
  const to = bins.at(-1)!.start + step;
  const x = timeScale(from, to, PAD.left, WIDTH - PAD.right);
  const base = HEIGHT - PAD.bottom;
  const y = (n: number) => base - (n / peak.count) * (base - PAD.top);
  const barWidth = Math.max(1, x(from + step) - x(from) - 1);
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${id}-title">
<title id="${id}-title">Articles per ${grain}: ${summary}</title>
<line class="axis" x1="${PAD.left}" y1="${base}" x2="${WIDTH - PAD.right}" y2="${base}"></line>
<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${peak.count}</text>
<text x="${PAD.left - 6}" y="${base}" text-anchor="end">0</text>
${bins
  .filter((b) => b.count > 0)
  .map(
    (b) =>
      html`<rect class="bar" x="${x(b.start).toFixed(1)}" y="${y(b.count).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(base - y(b.count)).toFixed(1)}"><title>${binLabel(b.start, grain)}: ${b.count} ${b.count === 1 ? 'article' : 'articles'}</title></rect>`,
  )}
${timeTicks(from, to - step, x, HEIGHT - 8)}
</svg>
<figcaption>Articles per ${grain}. ${summary}</figcaption>
</figure>`;
}
