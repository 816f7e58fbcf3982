import type { AlarmRecord, AlarmState, Severity } from '../api/types';

/** A live alarm change merged into the feed: newest raised first, filtered like the feed is. */
export function upsertAlarm(list: readonly AlarmRecord[], alarm: AlarmRecord, filter: { severity: readonly Severity[]; state: readonly AlarmState[] }, limit = 300): AlarmRecord[] {
  const rest = list.filter((a) => a.id !== alarm.id);
  const matches = (filter.severity.length === 0 || filter.severity.includes(alarm.severity)) && (filter.state.length === 0 || filter.state.includes(alarm.state));
  const next = matches ? [...rest, alarm] : rest;
  return next.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt) || b.id.localeCompare(a.id)).slice(0, limit);
}
