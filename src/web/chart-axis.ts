// What the story charts share: a time scale across the story's life and its tick labels.
// Charts are drawn on the server as SVG with classes only (CSP forbids inline styles).
import { html } from 'hono/html';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The bin a chart counts by: hours for a story of a few days, days, then weeks. */
export type Grain = 'hour' | 'day' | 'week';

/** Hourly bars up to three days, daily up to four months, weekly beyond: 24–120 bars at most. */
export function grainFor(spanMs: number): Grain {
  if (spanMs <= 3 * DAY) return 'hour';
  if (spanMs <= 120 * DAY) return 'day';
  return 'week';
}

/** The start of the bin holding `ms` (UTC). */
export function binStart(ms: number, grain: Grain): number {
  if (grain === 'hour') return Math.floor(ms / HOUR) * HOUR;
  const day = Math.floor(ms / DAY) * DAY;
  if (grain === 'day') return day;
  // Weeks start on Monday; 1970-01-01 was a Thursday.
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

/** The length of one bin. */
export function binLength(grain: Grain): number {
  return grain === 'hour' ? HOUR : grain === 'day' ? DAY : 7 * DAY;
}

/** A bin's label as a reader says it. */
export function binLabel(ms: number, grain: Grain): string {
  const iso = new Date(ms).toISOString();
  if (grain === 'hour') return `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00 UTC`;
  return grain === 'week' ? `week of ${iso.slice(0, 10)}` : iso.slice(0, 10);
}

/** Maps times in [from, to] onto [left, right]; a single instant sits in the middle. */
export function timeScale(from: number, to: number, left: number, right: number) {
  return (ms: number): number =>
    to > from ? left + ((ms - from) / (to - from)) * (right - left) : (left + right) / 2;
}

/** Three tick labels under the axis: start, middle and end of the span. */
export function timeTicks(from: number, to: number, x: (ms: number) => number, y: number) {
  const label = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return to - from <= 2 * DAY ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
  };
  const points = to > from ? [from, (from + to) / 2, to] : [from];
  return points.map((ms, i) => {
    const anchor =
      points.length === 1
        ? 'middle'
        : i === 0
          ? 'start'
          : i === points.length - 1
            ? 'end'
            : 'middle';
    return html`<text x="${x(ms).toFixed(1)}" y="${y}" text-anchor="${anchor}">${label(ms)}</text>`;
  });
}
