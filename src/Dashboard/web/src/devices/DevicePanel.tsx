import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson, query } from '../api/http';
import type { DeviceModel, DeviceView, Page, WorkOrder } from '../api/types';
import { ClientMethods, type DeviceDelta } from '../live/contract';
import type { LiveHub } from '../live/liveHub';
import { useResyncedLoad } from '../live/useResyncedLoad';
import { formatTime, formatValue, timeAgo } from '../format';
import { ExplanationDetails } from '../alarms/ExplanationDetails';
import { localTimesIn } from '../alarms/explanation';
import { ErrorNote } from '../shell/ErrorNote';
import { SeverityBadge } from '../shell/SeverityBadge';
import { HistoryChart } from './HistoryChart';
import { applyDelta } from './rows';

/** Everything about one device: values with units and times, alarms, history, work orders, customer. */
export function DevicePanel({
  hub,
  deviceId,
  onClose,
  onOpenOrder,
  onLocated,
}: {
  hub: LiveHub;
  deviceId: string;
  onClose: () => void;
  onOpenOrder?: (id: string) => void;
  /** Called with the device's position on its first load (the console flies the map there); not on reloads. */
  onLocated?: (at: { lat: number; lon: number }) => void;
}) {
  const located = useRef<string | null>(null);
  const [device, setDevice] = useState<DeviceView | null>(null);
  const [model, setModel] = useState<DeviceModel | null>(null);
  const [orders, setOrders] = useState<WorkOrder[]>([]);
  const [chartProperty, setChartProperty] = useState<string | null>(null);

  // Loaded when the live connection is ready and after every reconnection, like the lists (one load per opening).
  const { error, retry } = useResyncedLoad(
    hub,
    async () => {
      const d = await getJson<DeviceView>(`/api/devices/${encodeURIComponent(deviceId)}`);
      const [m, o] = await Promise.all([
        getJson<DeviceModel>(`/api/device-models/${encodeURIComponent(d.modelId)}`).catch(() => null),
        getJson<Page<WorkOrder>>(`/api/work-orders${query({ deviceId, limit: 20 })}`).catch(() => ({ items: [], nextCursor: null })),
      ]);
      return { d, m, o };
    },
    ({ d, m, o }) => {
      if (located.current !== d.id && d.location) onLocated?.({ lat: d.location.lat, lon: d.location.lon });
      located.current = d.id;
      setDevice(d);
      setChartProperty((p) => p ?? Object.keys(d.values)[0] ?? null);
      setModel(m);
      setOrders(o.items);
    },
    [deviceId],
  );

  useEffect(
    () =>
      hub.on<DeviceDelta[]>(ClientMethods.deviceDeltas, (deltas) => {
        const mine = deltas.find((d) => d.id === deviceId);
        if (mine) setDevice((d) => (d ? applyDelta(d, mine) : d));
      }),
    [hub, deviceId],
  );
  // Alarms and orders of this device change through their own events: reload the panel's copy.
  useEffect(() => hub.on<{ alarm?: { deviceId: string } }>(ClientMethods.alarm, (e) => e.alarm?.deviceId === deviceId && retry()), [hub, deviceId]);
  useEffect(() => hub.on<{ order?: { deviceId: string } }>(ClientMethods.workOrder, (e) => e.order?.deviceId === deviceId && retry()), [hub, deviceId]);

  const unit = (property: string) => model?.properties.find((p) => p.name === property)?.unit ?? null;

  return (
    <aside class="panel device-panel" aria-label={`Device ${deviceId}`} data-device-id={deviceId}>
      <header class="panel-head">
        <div>
          <h2>{device?.name ?? deviceId}</h2>
          <p class="muted">
            {device?.modelId}
            {model ? ` · ${model.name}` : ''}
            {device?.customerId ? ` · customer ${device.customerId}` : ''}
          </p>
        </div>
        <button type="button" class="ghost" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <ErrorNote error={error} retry={retry} />
      {device ? (
        <div class="panel-body">
          <div class="panel-facts">
            <SeverityBadge severity={device.severity} />
            <span class={`status-pill status-${device.status}`}>{device.status}</span>
            <span class="muted">last heard {timeAgo(device.lastSeen)}</span>
            {device.location ? (
              <span class="muted">
                {device.location.lat.toFixed(4)}, {device.location.lon.toFixed(4)}
              </span>
            ) : null}
          </div>

          <h3>Values</h3>
          <table class="values">
            <tbody>
              {Object.entries(device.values).map(([name, v]) => (
                <tr key={name} class={chartProperty === name ? 'on' : ''} onClick={() => setChartProperty(name)} data-property={name}>
                  <th scope="row">{name}</th>
                  <td class="num">{formatValue(v.value, unit(name))}</td>
                  <td class="muted" title={formatTime(v.timestamp)}>
                    {timeAgo(v.timestamp)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {Object.keys(device.values).length === 0 ? <p class="muted">No readings yet.</p> : null}
          {chartProperty ? <HistoryChart deviceId={deviceId} property={chartProperty} unit={unit(chartProperty)} /> : null}

          <h3>Active alarms</h3>
          {(device.activeAlarms ?? []).length === 0 ? <p class="muted">None.</p> : null}
          <ul class="plain">
            {(device.activeAlarms ?? []).map((a) => (
              <li key={a.id} data-alarm-id={a.id} data-severity={a.severity}>
                <SeverityBadge severity={a.severity} compact /> {localTimesIn(a.explanation.text)}{' '}
                <span class="muted">
                  {a.state} · {timeAgo(a.raisedAt)}
                </span>
                <ExplanationDetails explanation={a.explanation} ruleKind={a.ruleKind} unitOf={unit} />
              </li>
            ))}
          </ul>

          <h3>Work orders</h3>
          {orders.length === 0 ? <p class="muted">None.</p> : null}
          <ul class="plain">
            {orders.map((o) => (
              <li key={o.id}>
                <button type="button" class="link" onClick={() => onOpenOrder?.(o.id)}>
                  {o.id}
                </button>{' '}
                {o.type} · <span class={`state state-${o.state}`}>{o.state}</span>
                {o.technicianId ? ` · ${o.technicianId}` : ''} <span class="muted">{timeAgo(o.createdAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : error ? null : (
        <p class="muted panel-body">Loading…</p>
      )}
    </aside>
  );
}
