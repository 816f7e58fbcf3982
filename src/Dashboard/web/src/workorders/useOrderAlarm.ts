import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api/http';
import type { AlarmRecord } from '../api/types';
import { ClientMethods } from '../live/contract';
import type { LiveHub } from '../live/liveHub';

/**
 * The alarm that raised an order, kept current by the alarm events: its explanation says why the visit is needed and,
 * for a forecast, when the limit comes. Null while loading, for an order no alarm raised, and when it cannot be read
 * (the order's description still carries the alarm's sentence).
 */
export function useOrderAlarm(hub: LiveHub, alarmId: string | null | undefined): AlarmRecord | null {
  const [alarm, setAlarm] = useState<AlarmRecord | null>(null);
  useEffect(() => {
    setAlarm(null);
    if (!alarmId) return;
    let cancelled = false;
    getJson<AlarmRecord>(`/api/alarms/${encodeURIComponent(alarmId)}`).then(
      (a) => !cancelled && setAlarm(a),
      () => !cancelled && setAlarm(null),
    );
    return () => {
      cancelled = true;
    };
  }, [alarmId]);
  useEffect(() => hub.on<{ alarm?: AlarmRecord }>(ClientMethods.alarm, (e) => alarmId && e.alarm?.id === alarmId && setAlarm(e.alarm)), [hub, alarmId]);
  return alarm;
}
