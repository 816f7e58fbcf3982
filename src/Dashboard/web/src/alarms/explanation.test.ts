import { describe, expect, it } from 'vitest';
import type { AlarmExplanation } from '../api/types';
import { contributorRows, expectedLabel, explanationBar, explanationUnit, forecastSummary, formatRange, hasDetails, localTimesIn, rangeBar, scoreLabel, sharePercent, sinceLabel } from './explanation';

const now = Date.parse('2026-12-07T12:00:00Z'); // a Monday
const utc = 'UTC';
const units: Record<string, string> = { return_water_temp: '°C', compressor_rpm: 'rpm' };
const unitOf = (p: string) => units[p] ?? null;

describe('the range bar', () => {
  it('puts an observed value below the band to the left of it, with a margin to the edge', () => {
    const bar = rangeBar(8, 10, 14);
    expect(bar?.side).toBe('below');
    // 8..14 spans 6; 15% margin each side: the scale runs 7.1..14.9.
    expect(bar?.marker).toBeCloseTo((0.9 / 7.8) * 100);
    expect(bar?.from).toBeCloseTo((2.9 / 7.8) * 100);
    expect(bar?.to).toBeCloseTo((6.9 / 7.8) * 100);
    expect(bar?.marker).toBeGreaterThan(0);
  });

  it('says within and above', () => {
    expect(rangeBar(12, 10, 14)?.side).toBe('within');
    expect(rangeBar(97, null, 90)?.side).toBe('above');
  });

  it('runs an open side of a one-sided limit to the edge', () => {
    const high = rangeBar(97, null, 90);
    expect(high?.from).toBe(0);
    expect(high?.to).toBeLessThan(high?.marker ?? 0);
    const low = rangeBar(3, 5, undefined);
    expect(low?.to).toBe(100);
    expect(low?.side).toBe('below');
  });

  it('places a forecast limit as a tick on the same scale', () => {
    const bar = rangeBar(43, 41, 45, [55]);
    expect(bar?.ticks[0]).toBeGreaterThan(bar?.to ?? 100);
    expect(bar?.ticks[0]).toBeLessThan(100);
  });

  it('keeps a value that equals its only bound in the middle', () => {
    expect(rangeBar(50, 50, 50)?.marker).toBeCloseTo(50);
    expect(rangeBar(0, 0, null)?.marker).toBeCloseTo(50);
  });

  it('shows a forecast as the way to its limit, rising or falling, not as the fitted level', () => {
    const forecast = { limit: 55, crossingAt: '2026-12-07T15:39:00Z', earliest: '2026-12-07T15:36:00Z', latest: null };
    const rising = explanationBar({ text: '', observed: 42, expectedLow: 41.07, expectedHigh: 41.26, forecast });
    expect(rising).toMatchObject({ from: 0, side: 'within' });
    expect(rising?.to).toBeCloseTo(rising?.ticks[0] ?? -1);
    expect(rising?.to).toBeGreaterThan(rising?.marker ?? 100);
    const falling = explanationBar({ text: '', observed: 18, forecast: { ...forecast, limit: 5 } });
    expect(falling).toMatchObject({ to: 100, side: 'within' });
    expect(falling?.from).toBeLessThan(falling?.marker ?? 0);
  });

  it('keeps an explanation without a forecast on its expected range', () => {
    expect(explanationBar({ text: '', observed: 7.31, expectedLow: 10.25, expectedHigh: 13.04 })?.side).toBe('below');
  });

  it('is not drawn without an observed value or any bound', () => {
    expect(rangeBar(null, 1, 2)).toBeNull();
    expect(rangeBar(5, null, undefined)).toBeNull();
    expect(rangeBar(Number.NaN, 1, 2)).toBeNull();
  });
});

describe('the expected range and the score', () => {
  it('read with the unit once', () => {
    expect(expectedLabel(10.5, 13.25, '°C')).toBe('expected 10.5–13.3 °C');
    expect(expectedLabel(null, 90, '°C')).toBe('expected ≤ 90 °C');
    expect(expectedLabel(10, null, null)).toBe('expected ≥ 10');
    expect(expectedLabel(null, null, '°C')).toBeNull();
  });

  it('give both ends of a range the same decimals, as many as its width needs', () => {
    expect(formatRange(10.2486, 13.0423, '°C')).toBe('10.2–13.0 °C');
    expect(formatRange(188.29, 192.76, 'A')).toBe('188.3–192.8 A');
    expect(formatRange(2650, 2870.5, 'rpm')).toBe('2,650–2,871 rpm');
    expect(formatRange(0.12, 0.31, null)).toBe('0.12–0.31');
  });

  it('shows the score with two decimals', () => {
    expect(scoreLabel(0.6249)).toBe('score 0.62');
    expect(scoreLabel(null)).toBeNull();
  });

  it('counts a no-data rule in seconds, whatever its property measures', () => {
    expect(explanationUnit('nodata', 'return_water_temp', unitOf)).toBe('s');
    expect(explanationUnit('anomaly', 'return_water_temp', unitOf)).toBe('°C');
    expect(explanationUnit('anomaly', null, unitOf)).toBeNull();
  });
});

describe('contributors', () => {
  const contributors = [
    { property: 'compressor_rpm', share: 0.22, observed: 3400, expected: 2950 },
    { property: 'return_water_temp', share: 0.581, observed: 8.1, expected: 12 },
    { property: 'supply_water_temp', share: 0.003, observed: 7, expected: 7.1 },
  ];

  it('list the largest share first, as a rounded percent with values in their units', () => {
    const rows = contributorRows(contributors, unitOf);
    expect(rows.map((r) => r.property)).toEqual(['return_water_temp', 'compressor_rpm', 'supply_water_temp']);
    expect(rows[0]).toMatchObject({ property: 'return_water_temp', percent: '58%', observed: '8.1 °C', expected: '12 °C' });
    expect(rows[0]?.width).toBeCloseTo(58.1);
    expect(rows[1]?.observed).toBe('3,400 rpm');
    expect(rows[2]?.percent).toBe('<1%');
  });

  it('keep shares within 0–100%', () => {
    expect(sharePercent(1.2)).toBe('100%');
    expect(sharePercent(-0.1)).toBe('0%');
    expect(contributorRows([{ property: 'x', share: 1.5, observed: 1, expected: 2 }])[0]?.width).toBe(100);
  });

  it('are none when the explanation has none', () => {
    expect(contributorRows(undefined)).toEqual([]);
  });
});

describe('the text', () => {
  it('shows the hub\'s UTC times as the viewer\'s clock', () => {
    const text = 'return_water_temp 9.1 °C, expected 14.2–15.8 °C (score 0.91); unusual since 2026-12-07 11:35:00 UTC.';
    expect(localTimesIn(text, now, 'Europe/Berlin')).toBe('return_water_temp 9.1 °C, expected 14.2–15.8 °C (score 0.91); unusual since 12:35.');
    expect(localTimesIn('reaches 55 °C at 2026-12-08 16:40 UTC', now, utc)).toBe('reaches 55 °C at Tue 16:40');
  });

  it('leaves text without a time, and a stamp that is no date, as written', () => {
    expect(localTimesIn('temperature 95 °C above 90 °C for 60 s', now, utc)).toBe('temperature 95 °C above 90 °C for 60 s');
    expect(localTimesIn('since 2026-13-45 99:99 UTC', now, utc)).toBe('since 2026-13-45 99:99 UTC');
  });
});

describe('since when', () => {
  it('reads as a local time and how long ago', () => {
    expect(sinceLabel('2026-12-07T11:35:00Z', 'anomaly', now, utc)).toEqual({ text: 'unusual since 11:35', relative: '25 min ago' });
    expect(sinceLabel('2026-12-07T11:35:00Z', 'anomaly', now, 'Europe/Berlin')?.text).toBe('unusual since 12:35');
    expect(sinceLabel('2026-12-05T09:00:00Z', 'forecast', now, utc)?.text).toBe('trend seen since Sat 09:00');
    expect(sinceLabel(null, 'anomaly', now, utc)).toBeNull();
  });
});

describe('a forecast', () => {
  const forecast = { limit: 55, crossingAt: '2026-12-08T16:40:00Z', earliest: '2026-12-08T15:10:00Z', latest: '2026-12-08T18:20:00Z' };

  it('says when the limit comes, how soon, and the band on that day', () => {
    expect(forecastSummary(forecast, '°C', now, utc)).toEqual({ text: 'expected to reach 55 °C around Tue 16:40', relative: 'in 29 h', band: 'between 15:10 and 18:20' });
  });

  it('counts hours and minutes when it is close', () => {
    const soon = { ...forecast, crossingAt: '2026-12-07T15:10:00Z', earliest: '2026-12-07T14:00:00Z', latest: null };
    expect(forecastSummary(soon, '°C', now, utc)).toEqual({ text: 'expected to reach 55 °C around 15:10', relative: 'in 3 h 10 min', band: 'not before 14:00' });
  });

  it('says when its time has passed', () => {
    const past = { ...forecast, crossingAt: '2026-12-07T11:00:00Z', earliest: '2026-12-07T11:00:00Z', latest: '2026-12-07T11:00:00Z' };
    expect(forecastSummary(past, null, now, utc)).toEqual({ text: 'was expected to reach 55 around 11:00', relative: '1 h ago', band: null });
  });

  it('says no crossing is in sight when the server answers with its largest date', () => {
    expect(forecastSummary({ ...forecast, crossingAt: '9999-12-31T23:59:59Z' }, '°C', now, utc)?.text).toBe('no crossing of 55 °C in sight');
  });

  it('is absent without a forecast', () => {
    expect(forecastSummary(null, '°C', now, utc)).toBeNull();
  });
});

describe('whether there is more than the sentence', () => {
  it('is no for a customer’s withheld explanation and yes for any field', () => {
    const withheld: AlarmExplanation = { text: "Rule 'x' found a problem that a technician will look into." };
    expect(hasDetails(withheld)).toBe(false);
    expect(hasDetails({ ...withheld, observed: 5 })).toBe(false);
    expect(hasDetails({ ...withheld, observed: 5, expectedHigh: 4 })).toBe(true);
    expect(hasDetails({ ...withheld, score: 0.4 })).toBe(true);
    expect(hasDetails({ ...withheld, contributors: [] })).toBe(false);
  });
});
