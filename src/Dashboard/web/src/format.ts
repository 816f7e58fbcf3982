// How values, times and states read on screen. One place, so every page says it the same way.
import type { DeviceValue, Severity } from './api/types';

export const severityLabel: Record<Severity, string> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
  warning: 'Warning',
  none: 'OK',
};

/** Severity is never told by colour alone: each has a shape too (the same on the map, in lists and in the feed). */
export const severityGlyph: Record<Severity, string> = {
  critical: '⬣',
  major: '▲',
  minor: '◆',
  warning: '■',
  none: '●',
};

export function formatValue(value: DeviceValue['value'] | string, unit?: string | null): string {
  const text =
    typeof value === 'number'
      ? Math.abs(value) >= 1000 || Number.isInteger(value)
        ? value.toLocaleString('en-US', { maximumFractionDigits: 0 })
        : value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) < 10 ? 2 : 1 })
      : String(value);
  return unit ? `${text} ${unit}` : text;
}

/** "just now", "42 s ago", "5 min ago", "3 h ago", then the date. */
export function timeAgo(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) return '—';
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : minutes > 0 ? '+' : '±';
  const m = Math.abs(Math.round(minutes));
  return m >= 60 ? `${sign}${Math.floor(m / 60)} h ${m % 60} min` : `${sign}${m} min`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "in 25 min", "in 2 h 50 min", "in 3 days", "just now", "25 min ago": a forecast lies ahead, a deviation behind. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '—';
  const span = Math.abs(seconds);
  // The past reads as timeAgo does, so that two times in one row agree.
  if (span < 60) return seconds > 0 ? 'in under a minute' : span < 5 ? 'just now' : `${span} s ago`;
  const minutes = Math.round(span / 60);
  // Below ten hours the minutes still matter to someone planning a visit; beyond, they are noise.
  const text =
    minutes < 60
      ? `${minutes} min`
      : minutes < 600
        ? `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`
        : minutes < 48 * 60
          ? `${Math.round(minutes / 60)} h`
          : `${Math.round(minutes / 1440)} days`;
  return seconds > 0 ? `in ${text}` : `${text} ago`;
}

const dayKey = (at: Date, timeZone?: string) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(at);
const daysApart = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);

/**
 * A local wall-clock time as short as it can be without being ambiguous: "16:40" today (or on the day of
 * `sameDayAs`), "Tue 16:40" within the week around now, "12 Dec 16:40" beyond.
 */
export function clockTime(iso: string, options: { now?: number; timeZone?: string; sameDayAs?: string } = {}): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '—';
  const { now = Date.now(), timeZone, sameDayAs } = options;
  const day = dayKey(at, timeZone);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(at);
  const reference = sameDayAs ? dayKey(new Date(sameDayAs), timeZone) : dayKey(new Date(now), timeZone);
  if (day === reference) return time;
  if (Math.abs(daysApart(day, dayKey(new Date(now), timeZone))) <= 6) {
    return `${new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }).format(at)} ${time}`;
  }
  return `${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }).format(at)} ${time}`;
}
