import { useEffect, useState } from 'preact/hooks';
import { getJson, postJson, query } from '../api/http';
import { severities, type AlarmRecord, type AlarmState, type Page, type Severity } from '../api/types';
import { useModelUnits } from '../devices/useModelUnits';
import { ClientMethods } from '../live/contract';
import type { LiveHub } from '../live/liveHub';
import { useResyncedLoad } from '../live/useResyncedLoad';
import { formatTime, relativeTime, severityLabel, timeAgo } from '../format';
import { Chips } from '../shell/Chips';
import { ErrorNote } from '../shell/ErrorNote';
import { SeverityBadge } from '../shell/SeverityBadge';
import { upsertAlarm } from './alarmList';
import { ExplanationDetails } from './ExplanationDetails';
import { hasDetails, localTimesIn } from './explanation';

const states: readonly AlarmState[] = ['active', 'acknowledged', 'cleared'];

/** Alarms as they happen, newest first; acknowledge or clear with a note. */
export function AlarmFeed({ hub, onSelectDevice, onOpenOrder, canAct }: { hub: LiveHub; onSelectDevice: (id: string) => void; onOpenOrder?: (id: string) => void; canAct: boolean }) {
  const [severity, setSeverity] = useState<Severity[]>([]);
  const [state, setState] = useState<AlarmState[]>(['active', 'acknowledged']);
  const [alarms, setAlarms] = useState<AlarmRecord[]>([]);
  // The feed shows the newest 200; "200+" when the hub holds more that match.
  const [more, setMore] = useState(false);
  const { error, loading, retry } = useResyncedLoad(
    hub,
    () => getJson<Page<AlarmRecord>>(`/api/alarms${query({ severity: severity.join(','), state: state.join(','), limit: 200 })}`),
    (page) => {
      setAlarms(page.items);
      setMore(page.nextCursor !== null);
    },
    [severity, state],
  );
  useEffect(
    () => hub.on<{ alarm: AlarmRecord }>(ClientMethods.alarm, (e) => e.alarm && setAlarms((list) => upsertAlarm(list, e.alarm, { severity, state }))),
    [hub, severity, state],
  );

  return (
    <section class="feed alarm-feed" aria-label="Alarms">
      <header class="pane-head">
        <h2>
          Alarms <span class="count">{alarms.length}{more ? '+' : ''}</span>
        </h2>
        {loading ? <span class="spinner" aria-label="loading" /> : null}
      </header>
      <div class="filters">
        <Chips label="Severity" options={severities.filter((s) => s !== 'none')} chosen={severity} onChange={setSeverity} render={(s) => <SeverityBadge severity={s} />} />
        <Chips label="State" options={states} chosen={state} onChange={setState} />
      </div>
      <ErrorNote error={error} retry={retry} />
      {!loading && alarms.length === 0 && !error ? <p class="empty">No alarms match. All quiet.</p> : null}
      <ol class="feed-list">
        {alarms.map((a) => (
          <AlarmRow key={a.id} alarm={a} canAct={canAct} onSelectDevice={onSelectDevice} onOpenOrder={onOpenOrder} onChanged={(next) => setAlarms((list) => upsertAlarm(list, next, { severity, state }))} />
        ))}
      </ol>
    </section>
  );
}

function AlarmRow({ alarm, canAct, onSelectDevice, onOpenOrder, onChanged }: { alarm: AlarmRecord; canAct: boolean; onSelectDevice: (id: string) => void; onOpenOrder?: (id: string) => void; onChanged: (a: AlarmRecord) => void }) {
  const [acting, setActing] = useState<'ack' | 'clear' | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Closed by default: 200 live rows stay one glance each; the details (and the model's units) load on opening.
  const [open, setOpen] = useState(false);
  const details = hasDetails(alarm.explanation);
  const crossing = alarm.explanation.forecast?.crossingAt;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!acting) return;
    setBusy(true);
    setError(null);
    try {
      const next = await postJson<AlarmRecord>(`/api/alarms/${encodeURIComponent(alarm.id)}/${acting}`, note.trim() ? { note: note.trim() } : {});
      if (next) onChanged(next);
      setActing(null);
      setNote('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class={`feed-item alarm-${alarm.state}`} data-alarm-id={alarm.id} data-severity={alarm.severity} data-state={alarm.state}>
      <div class="feed-item-head">
        <SeverityBadge severity={alarm.severity} compact />
        <button type="button" class="link device-link" onClick={() => onSelectDevice(alarm.deviceId)}>
          {alarm.deviceId}
        </button>
        <span class="muted" title={formatTime(alarm.raisedAt)}>
          {timeAgo(alarm.raisedAt)}
        </span>
      </div>
      <p class={`feed-text${open ? '' : ' clamped'}`}>
        <span class="sr-only">{severityLabel[alarm.severity]}: </span>
        {localTimesIn(alarm.explanation.text)}
      </p>
      {open ? <OpenedExplanation alarm={alarm} /> : null}
      <div class="feed-item-foot">
        <span class={`state state-${alarm.state}`}>{alarm.state}</span>
        {details ? (
          <button type="button" class="link why-link" aria-expanded={open} data-toggle="explanation" onClick={() => setOpen(!open)}>
            {open ? 'less' : 'why'}
          </button>
        ) : null}
        {crossing && !open && Date.parse(crossing) > Date.now() ? (
          <span class="crossing-hint" title={formatTime(crossing)}>
            reaches limit {relativeTime(crossing)}
          </span>
        ) : null}
        {alarm.workOrderId ? (
          <button type="button" class="link order-link" title={alarm.workOrderId} onClick={() => onOpenOrder?.(alarm.workOrderId as string)}>
            work order
          </button>
        ) : null}
        {canAct && alarm.state !== 'cleared' && !acting ? (
          <span class="actions">
            {alarm.state === 'active' ? (
              <button type="button" class="small" data-action="ack" onClick={() => setActing('ack')}>
                Acknowledge
              </button>
            ) : null}
            <button type="button" class="small ghost" data-action="clear" onClick={() => setActing('clear')}>
              Clear
            </button>
          </span>
        ) : null}
      </div>
      {acting ? (
        <form class="inline-form" onSubmit={(e) => void submit(e)}>
          <input name="note" placeholder={acting === 'ack' ? 'Note (optional): who is on it' : 'Note (optional): why it is cleared'} value={note} onInput={(e) => setNote(e.currentTarget.value)} autoFocus />
          <button type="submit" class="small" disabled={busy}>
            {acting === 'ack' ? 'Acknowledge' : 'Clear'}
          </button>
          <button type="button" class="small ghost" onClick={() => setActing(null)}>
            Cancel
          </button>
        </form>
      ) : null}
      <ErrorNote error={error} />
    </li>
  );
}

function OpenedExplanation({ alarm }: { alarm: AlarmRecord }) {
  const unitOf = useModelUnits(alarm.modelId);
  return <ExplanationDetails explanation={alarm.explanation} ruleKind={alarm.ruleKind} unitOf={unitOf} />;
}
