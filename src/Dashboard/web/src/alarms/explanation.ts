// How an alarm's explanation reads for a dispatcher: observed against expected, who contributed, when a forecast
// expects the limit. Pure, so the wording and the bar's geometry are tested without a browser.
import type { AlarmExplanation } from '../api/types';
import { clockTime, formatValue, relativeTime } from '../format';

type Unit = string | null | undefined;
const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** Whether there is more to show than the sentence (a customer's withheld explanation has nothing else). */
export function hasDetails(e: AlarmExplanation): boolean {
  return (finite(e.observed) && (finite(e.expectedLow) || finite(e.expectedHigh))) || finite(e.score) || !!e.deviatingSince || (e.contributors?.length ?? 0) > 0 || !!e.forecast;
}

export interface RangeBar {
  /** Where the expected band starts and ends, in percent of the bar; an open side runs to the bar's edge. */
  from: number;
  to: number;
  /** Where the observed value sits, in percent of the bar. */
  marker: number;
  side: 'below' | 'within' | 'above';
  /** Extra marks (a forecast's limit), in percent of the bar. */
  ticks: number[];
}

/**
 * Places the observed value, the expected band and any extra marks on one scale, with a margin so that neither the
 * marker nor a band edge sits on the bar's end. Null when there is no observed value or no bound to compare with.
 */
export function rangeBar(observed: number | null | undefined, low: number | null | undefined, high: number | null | undefined, marks: readonly number[] = []): RangeBar | null {
  if (!finite(observed) || (!finite(low) && !finite(high))) return null;
  const values = [observed, ...[low, high, ...marks].filter(finite)];
  const lowest = Math.min(...values);
  const spread = Math.max(...values) - lowest;
  const margin = spread > 0 ? spread * 0.15 : Math.abs(observed) * 0.1 || 1;
  const start = lowest - margin;
  const length = spread + 2 * margin;
  const at = (v: number) => Math.min(100, Math.max(0, ((v - start) / length) * 100));
  return {
    from: finite(low) ? at(low) : 0,
    to: finite(high) ? at(high) : 100,
    marker: at(observed),
    side: finite(low) && observed < low ? 'below' : finite(high) && observed > high ? 'above' : 'within',
    ticks: marks.filter(finite).map(at),
  };
}

/** Both ends of a range with as many decimals as its width needs, the same for both: "10.2–13.0 °C", not "10.2–13 °C". */
export function formatRange(low: number, high: number, unit: Unit): string {
  const width = Math.abs(high - low);
  const decimals = width >= 50 ? 0 : width >= 0.5 ? 1 : 2;
  const f = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${f(low)}–${f(high)}${unit ? ` ${unit}` : ''}`;
}

/** "expected 10.5–13.2 °C", "expected ≤ 90 °C", "expected ≥ 10 °C". */
export function expectedLabel(low: number | null | undefined, high: number | null | undefined, unit: Unit): string | null {
  if (finite(low) && finite(high)) return `expected ${formatRange(low, high, unit)}`;
  if (finite(high)) return `expected ≤ ${formatValue(high, unit)}`;
  if (finite(low)) return `expected ≥ ${formatValue(low, unit)}`;
  return null;
}

/**
 * The bar of an explanation. A forecast's own band is the fitted level, which says little to a dispatcher; its bar
 * shows how far the value has come towards the limit instead, the limit as the edge of what is fine.
 */
export function explanationBar(e: AlarmExplanation): RangeBar | null {
  const f = e.forecast;
  if (!f || !finite(e.observed)) return rangeBar(e.observed, e.expectedLow, e.expectedHigh);
  const rising = f.limit >= e.observed;
  return rangeBar(e.observed, rising ? null : f.limit, rising ? f.limit : null, [f.limit]);
}

/** "score 0.62"; a score is a detector's confidence, two decimals are all it carries. */
export function scoreLabel(score: number | null | undefined): string | null {
  return finite(score) ? `score ${score.toFixed(2)}` : null;
}

/** "58%", "<1%" for a share that is there but rounds to nothing. */
export function sharePercent(share: number): string {
  const clamped = Math.min(1, Math.max(0, share));
  return clamped > 0 && clamped < 0.005 ? '<1%' : `${Math.round(clamped * 100)}%`;
}

export interface ContributorRow {
  property: string;
  /** 0–100, for the share bar's width. */
  width: number;
  percent: string;
  observed: string;
  expected: string;
}

/** Largest share first (the server sends them so, but a reorder must not mislead), with values in their units. */
export function contributorRows(contributors: AlarmExplanation['contributors'], unitOf: (property: string) => Unit = () => null): ContributorRow[] {
  return [...(contributors ?? [])]
    .sort((a, b) => b.share - a.share)
    .map((c) => ({
      property: c.property,
      width: Math.min(1, Math.max(0, c.share)) * 100,
      percent: sharePercent(c.share),
      observed: formatValue(c.observed, unitOf(c.property)),
      expected: formatValue(c.expected, unitOf(c.property)),
    }));
}

/** "unusual since 14:03" with "25 min ago"; a forecast's start is when the trend was first seen. */
export function sinceLabel(since: string | null | undefined, ruleKind: string, now: number, timeZone?: string): { text: string; relative: string } | null {
  if (!since || Number.isNaN(Date.parse(since))) return null;
  const what = ruleKind === 'forecast' ? 'trend seen since' : 'unusual since';
  return { text: `${what} ${clockTime(since, { now, timeZone })}`, relative: relativeTime(since, now) };
}

export interface ForecastSummary {
  /** "expected to reach 55 °C around Tue 16:40", or "was expected to reach …" once that time has passed. */
  text: string;
  /** "in 3 h", "20 min ago". */
  relative: string | null;
  /** "between 15:10 and 18:20", "not before 15:10". */
  band: string | null;
}

// The server says "never" with the largest date it has; anything beyond a few years is no crossing in sight.
const farFuture = (t: number, now: number) => t - now > 5 * 365 * 86_400_000;

export function forecastSummary(forecast: AlarmExplanation['forecast'], unit: Unit, now: number, timeZone?: string): ForecastSummary | null {
  if (!forecast) return null;
  const limit = formatValue(forecast.limit, unit);
  const crossing = Date.parse(forecast.crossingAt);
  if (Number.isNaN(crossing) || farFuture(crossing, now)) return { text: `no crossing of ${limit} in sight`, relative: null, band: null };
  const at = (iso: string) => clockTime(iso, { now, timeZone, sameDayAs: forecast.crossingAt });
  const when = clockTime(forecast.crossingAt, { now, timeZone });
  const passed = crossing <= now;
  const latest = forecast.latest && !farFuture(Date.parse(forecast.latest), now) ? forecast.latest : null;
  const band =
    forecast.earliest === forecast.crossingAt && latest === forecast.crossingAt
      ? null
      : latest
        ? `between ${at(forecast.earliest)} and ${at(latest)}`
        : `not before ${at(forecast.earliest)}`;
  return { text: `${passed ? 'was expected' : 'expected'} to reach ${limit} around ${when}`, relative: relativeTime(forecast.crossingAt, now), band };
}

/** The unit an explanation's numbers are in: a no-data rule counts seconds of silence, whatever its property measures. */
export function explanationUnit(ruleKind: string, property: string | null | undefined, unitOf: (property: string) => Unit): Unit {
  if (ruleKind === 'nodata') return 's';
  return property ? unitOf(property) : null;
}

// The hub writes times into an explanation's text in UTC ("2026-12-07 11:35:00 UTC"), since it does not know who reads it.
const utcStamp = /\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})? UTC\b/g;

/**
 * The explanation's text with its UTC times as the viewer's wall-clock times ("unusual since 12:35" in Berlin), so the
 * text agrees with the details under it. A stamp that does not parse is left as written.
 */
export function localTimesIn(text: string, now: number = Date.now(), timeZone?: string): string {
  return text.replace(utcStamp, (stamp, day: string, minutes: string, seconds: string | undefined) => {
    const iso = `${day}T${minutes}${seconds ?? ':00'}Z`;
    return Number.isNaN(Date.parse(iso)) ? stamp : clockTime(iso, { now, timeZone });
  });
}
