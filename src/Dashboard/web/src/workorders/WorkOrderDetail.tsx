import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, getJson, postJson } from '../api/http';
import type { Page, Technician, WorkOrder } from '../api/types';
import { ClientMethods } from '../live/contract';
import type { LiveHub } from '../live/liveHub';
import { formatTime, timeAgo } from '../format';
import { localTimesIn } from '../alarms/explanation';
import { ErrorNote } from '../shell/ErrorNote';
import type { DispatchReceipt, OverrideQuote } from '../api/types';
import { useModelUnits } from '../devices/useModelUnits';
import { OrderAlarm } from './OrderAlarm';
import { OverridePrice } from './OverridePrice';
import { PredictiveDueBanner } from './PredictiveDueBanner';
import { ReceiptView } from './ReceiptView';
import { useOrderAlarm } from './useOrderAlarm';

/** One work order: what and where, its dispatch receipt, and assigning it by hand with the override priced first. */
export function WorkOrderDetail({ hub, orderId, onClose, onSelectDevice }: { hub: LiveHub; orderId: string; onClose: () => void; onSelectDevice: (id: string) => void }) {
  const [order, setOrder] = useState<WorkOrder | null>(null);
  const [receipt, setReceipt] = useState<DispatchReceipt | null | undefined>(undefined);
  const [technicians, setTechnicians] = useState<Technician[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const [quotes, setQuotes] = useState(new Map<string, OverrideQuote | ApiError>());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const pending = useRef(new Set<string>());
  const alarm = useOrderAlarm(hub, order?.alarmId);
  const unitOf = useModelUnits(order?.modelId ?? alarm?.modelId);

  useEffect(() => {
    let cancelled = false;
    const id = encodeURIComponent(orderId);
    setError(null);
    Promise.all([
      getJson<WorkOrder>(`/api/work-orders/${id}`),
      getJson<DispatchReceipt>(`/api/work-orders/${id}/dispatch`).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
      getJson<Page<Technician>>('/api/technicians?limit=1000'),
    ])
      .then(([o, r, t]) => {
        if (cancelled) return;
        setOrder(o);
        setReceipt(r);
        setTechnicians(t.items);
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [orderId, reload]);

  useEffect(
    () =>
      hub.on<{ order?: WorkOrder }>(ClientMethods.workOrder, (e) => {
        if (e.order?.id !== orderId) return;
        setOrder(e.order);
        setQuotes(new Map()); // the plan moved on: prices are asked again
      }),
    [hub, orderId],
  );

  const quote = (technicianId: string) => {
    if (quotes.has(technicianId) || pending.current.has(technicianId)) return;
    pending.current.add(technicianId);
    postJson<OverrideQuote>(`/api/work-orders/${encodeURIComponent(orderId)}/dispatch/quote`, { technicianId })
      .then((q) => q && setQuotes((m) => new Map(m).set(technicianId, q)))
      .catch((e: unknown) => setQuotes((m) => new Map(m).set(technicianId, e instanceof ApiError ? e : new ApiError(0, 'Could not price this choice.'))))
      .finally(() => pending.current.delete(technicianId));
  };

  const assign = async (technicianId: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await postJson<WorkOrder>(`/api/work-orders/${encodeURIComponent(orderId)}/assign`, { technicianId });
      if (next) setOrder(next);
      setPicked(null);
      setReload((r) => r + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const rank = new Map(receipt?.rejected.map((r, i) => [r.technicianId, i + 1]) ?? []);
  const sorted = [...technicians].sort((a, b) => (a.id === receipt?.technicianId ? -1 : b.id === receipt?.technicianId ? 1 : (rank.get(a.id) ?? 1e9) - (rank.get(b.id) ?? 1e9)));
  const canAssign = order !== null && ['new', 'assigned', 'declined', 'accepted', 'on-hold'].includes(order.state);
  const pickedQuote = picked ? quotes.get(picked) : undefined;

  return (
    <aside class="panel order-panel" aria-label={`Work order ${orderId}`} data-work-order-id={orderId}>
      <header class="panel-head">
        <div>
          <h2>{orderId}</h2>
          {order ? (
            <p class="muted">
              {order.type} · {order.priority} · <span class={`state state-${order.state}`}>{order.state}</span>
            </p>
          ) : null}
        </div>
        <button type="button" class="ghost" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <ErrorNote error={error} retry={() => setReload((r) => r + 1)} />
      {order ? (
        <div class="panel-body">
          <PredictiveDueBanner order={order} alarm={alarm} unitOf={unitOf} />
          <dl class="facts">
            <dt>Device</dt>
            <dd>
              <button type="button" class="link" onClick={() => onSelectDevice(order.deviceId)}>
                {order.deviceId}
              </button>
              {order.customerId ? ` · ${order.customerId}` : ''}
            </dd>
            <dt>Needs</dt>
            <dd>
              {order.skill} level {order.level}
            </dd>
            <dt>Technician</dt>
            <dd data-technician-id={order.technicianId ?? ''}>{order.technicianId ?? 'unassigned'}</dd>
            <dt>Created</dt>
            <dd title={formatTime(order.createdAt)}>{timeAgo(order.createdAt)}</dd>
            {order.dueAt ? (
              <>
                <dt>Due</dt>
                <dd class={order.slaBreached ? 'breached' : ''}>{formatTime(order.dueAt)}</dd>
              </>
            ) : null}
          </dl>
          {/* An alarm's order is described by the alarm's sentence: shown once, with the alarm, when it could be read. */}
          {alarm ? <OrderAlarm alarm={alarm} unitOf={unitOf} /> : order.description ? <p>{localTimesIn(order.description)}</p> : null}

          <h3>Dispatch decision</h3>
          {receipt === undefined ? <p class="muted">Loading…</p> : receipt === null ? <p class="muted">Not dispatched yet.</p> : <ReceiptView receipt={receipt} />}

          {canAssign ? (
            <>
              <h3>Assign by hand</h3>
              <p class="muted">Point at a technician to see what the change costs against the solver’s plan before you commit.</p>
              <ul class="tech-picker" role="listbox" aria-label="Technicians">
                {sorted.map((t) => {
                  const q = quotes.get(t.id);
                  return (
                    <li
                      key={t.id}
                      role="option"
                      tabIndex={0}
                      aria-selected={picked === t.id}
                      class={`tech-option${picked === t.id ? ' selected' : ''}${t.id === order.technicianId ? ' current' : ''}`}
                      data-technician-id={t.id}
                      onMouseEnter={() => quote(t.id)}
                      onFocus={() => quote(t.id)}
                      onClick={() => {
                        quote(t.id);
                        setPicked(t.id);
                      }}
                    >
                      <span class="tech-name">
                        {t.name} <span class="muted">{t.id}</span>
                      </span>
                      <span class="tech-meta muted">
                        {t.skills.map((s) => `${s.skill} L${s.level}`).join(', ')}
                        {t.available ? '' : ' · unavailable'}
                      </span>
                      <OverridePrice quote={q} compact />
                    </li>
                  );
                })}
              </ul>
              {picked ? (
                <div class="override-box" data-override-for={picked}>
                  <OverridePrice quote={pickedQuote} />
                  <button type="button" data-action="assign" disabled={busy || (pickedQuote !== undefined && !(pickedQuote instanceof ApiError) && !pickedQuote.feasible)} onClick={() => void assign(picked)}>
                    {busy ? 'Assigning…' : `Assign to ${picked}`}
                  </button>
                </div>
              ) : null}
            </>
          ) : null}
        </div>
      ) : error ? null : (
        <p class="muted panel-body">Loading…</p>
      )}
    </aside>
  );
}
