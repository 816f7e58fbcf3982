import { describe, expect, it } from 'vitest';
import { formatMinutes, formatValue, severityGlyph, severityLabel, timeAgo } from './format';
import { severities } from './api/types';

describe('values', () => {
  it('read with their unit and sensible precision', () => {
    expect(formatValue(4.567, '°C')).toBe('4.57 °C');
    expect(formatValue(45.67, '°C')).toBe('45.7 °C');
    expect(formatValue(1500, 'rpm')).toBe('1,500 rpm');
    expect(formatValue('open')).toBe('open');
  });
});

describe('times', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it('read as how long ago', () => {
    expect(timeAgo('2026-12-07T11:59:58Z', now)).toBe('just now');
    expect(timeAgo('2026-12-07T11:59:00Z', now)).toBe('1 min ago');
    expect(timeAgo('2026-12-07T09:00:00Z', now)).toBe('3 h ago');
    expect(timeAgo(null, now)).toBe('never');
  });
});

describe('minutes', () => {
  it('carry their sign', () => {
    expect(formatMinutes(12.4)).toBe('+12 min');
    expect(formatMinutes(-75)).toBe('−1 h 15 min');
    expect(formatMinutes(0)).toBe('±0 min');
  });
});

describe('severities', () => {
  it('each have a label and a distinct shape', () => {
    expect(new Set(severities.map((s) => severityGlyph[s])).size).toBe(severities.length);
    expect(severities.every((s) => severityLabel[s].length > 0)).toBe(true);
  });
});
