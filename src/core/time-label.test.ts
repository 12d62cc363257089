import { describe, expect, it } from 'vitest';
import { timeLabel } from './time-label.js';

describe('timeLabel', () => {
  it('puts stored time values in words and leaves plain dates alone', () => {
    expect(timeLabel('P0D')).toBe('the day of publication');
    expect(timeLabel('-P1M')).toBe('1 month before publication');
    expect(timeLabel('P3D')).toBe('3 days after publication');
    expect(timeLabel('XXXX-12')).toBe('December (year not given)');
    expect(timeLabel('2024-10')).toBe('October 2024');
    expect(timeLabel('2024-10-24')).toBe('2024-10-24');
    expect(timeLabel('-P3Y/P0D')).toBe('3 years before publication to the day of publication');
    expect(timeLabel('2014/..')).toBe('2014 to open end');
    expect(timeLabel(null)).toBe('');
  });
});
