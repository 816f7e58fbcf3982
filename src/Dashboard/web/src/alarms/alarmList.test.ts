import { describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../api/types';
import { upsertAlarm } from './alarmList';

const alarm = (id: string, raisedAt: string, state: AlarmRecord['state'] = 'active', severity: AlarmRecord['severity'] = 'critical') =>
  ({ id, raisedAt, state, severity, deviceId: 'd', modelId: 'm', customerId: null, ruleId: 'r', ruleKind: 'threshold', explanation: { text: '' }, history: [], updatedAt: raisedAt }) as AlarmRecord;

describe('the alarm feed', () => {
  const open = { severity: [] as const, state: ['active', 'acknowledged'] as const };

  it('shows the newest alarm first', () => {
    const list = upsertAlarm([alarm('a', '2026-01-01T00:00:00Z')], alarm('b', '2026-01-01T00:05:00Z'), { ...open, state: [...open.state] });
    expect(list.map((a) => a.id)).toEqual(['b', 'a']);
  });

  it('replaces an alarm that changed and drops it when it leaves the filter', () => {
    const list = [alarm('a', '2026-01-01T00:00:00Z')];
    expect(upsertAlarm(list, alarm('a', '2026-01-01T00:00:00Z', 'acknowledged'), { ...open, state: [...open.state] })[0]?.state).toBe('acknowledged');
    expect(upsertAlarm(list, alarm('a', '2026-01-01T00:00:00Z', 'cleared'), { ...open, state: [...open.state] })).toEqual([]);
  });

  it('keeps to the severities chosen', () => {
    expect(upsertAlarm([], alarm('a', 't', 'active', 'minor'), { severity: ['critical'], state: [] })).toEqual([]);
  });
});
