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
