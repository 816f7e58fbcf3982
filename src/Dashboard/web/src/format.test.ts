import { describe, expect, it } from 'vitest';
import { clockTime, formatMinutes, formatValue, relativeTime, severityGlyph, severityLabel, timeAgo } from './format';
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

describe('times ahead and behind', () => {
  const now = Date.parse('2026-12-07T12:00:00Z');
  it('read as how soon or how long ago', () => {
    expect(relativeTime('2026-12-07T12:00:30Z', now)).toBe('in under a minute');
    expect(relativeTime('2026-12-07T11:59:58Z', now)).toBe('just now');
    expect(relativeTime('2026-12-07T11:59:40Z', now)).toBe('20 s ago');
    expect(relativeTime('2026-12-07T12:25:00Z', now)).toBe('in 25 min');
    expect(relativeTime('2026-12-07T15:00:00Z', now)).toBe('in 3 h');
    expect(relativeTime('2026-12-07T14:50:00Z', now)).toBe('in 2 h 50 min');
    expect(relativeTime('2026-12-08T04:40:00Z', now)).toBe('in 17 h');
    expect(relativeTime('2026-12-10T12:00:00Z', now)).toBe('in 3 days');
    expect(relativeTime('2026-12-07T10:30:00Z', now)).toBe('1 h 30 min ago');
    expect(relativeTime('not a time', now)).toBe('—');
  });
});

describe('clock times', () => {
  const now = Date.parse('2026-12-07T12:00:00Z'); // a Monday
  it('are as short as they can be without being ambiguous, in the local zone', () => {
    expect(clockTime('2026-12-07T16:40:00Z', { now, timeZone: 'UTC' })).toBe('16:40');
    expect(clockTime('2026-12-08T16:40:00Z', { now, timeZone: 'UTC' })).toBe('Tue 16:40');
    expect(clockTime('2026-12-08T16:40:00Z', { now, timeZone: 'UTC', sameDayAs: '2026-12-08T09:00:00Z' })).toBe('16:40');
    expect(clockTime('2026-12-20T16:40:00Z', { now, timeZone: 'UTC' })).toBe('20 Dec 16:40');
    expect(clockTime('2026-12-07T23:30:00Z', { now, timeZone: 'Europe/Berlin' })).toBe('Tue 00:30');
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
