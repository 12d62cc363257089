// Readable words for the normalized time values the analyzers store ("P0D", "-P1M",
// "XXXX-12", "2024-10/2024-12"), for pages and reports. The stored value stays exact; this
// is only how a reader sees it.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const UNITS: Record<string, string> = { D: 'day', W: 'week', M: 'month', Q: 'quarter', Y: 'year' };

function endLabel(value: string): string {
  if (value === '..') return 'open end';
  if (value === 'P0D') return 'the day of publication';
  const relative = value.match(/^(-)?P(\d+)([DWMQY])$/);
  if (relative) {
    const n = Number(relative[2]);
    const unit = `${UNITS[relative[3]!]}${n === 1 ? '' : 's'}`;
    return `${n} ${unit} ${relative[1] ? 'before' : 'after'} publication`;
  }
  const unknownYear = value.match(/^XXXX-(\d\d)(?:-(\d\d))?$/);
  if (unknownYear) {
    const month = MONTHS[Number(unknownYear[1]) - 1] ?? unknownYear[1];
    return `${unknownYear[2] ? `${Number(unknownYear[2])} ` : ''}${month} (year not given)`;
  }
  const yearMonth = value.match(/^(\d{4})-(\d\d)$/);
  if (yearMonth) return `${MONTHS[Number(yearMonth[2]) - 1] ?? yearMonth[2]} ${yearMonth[1]}`;
  return value;
}

/** A stored time value in words: "the day of publication", "December (year not given)". */
export function timeLabel(value: string | null | undefined): string {
  if (!value) return '';
  const [from, to] = value.split('/');
  return to === undefined ? endLabel(value) : `${endLabel(from!)} to ${endLabel(to)}`;
}
