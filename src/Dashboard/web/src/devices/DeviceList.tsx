import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LiveHub } from '../live/liveHub';
import { ClientMethods, HubMethods, type DeviceDelta } from '../live/contract';
import { useStore } from '../live/store';
import { formatCount } from '../format';
import { ErrorNote } from '../shell/ErrorNote';
import { DeviceListSource } from './deviceListSource';
import { DeviceRow } from './DeviceRow';
import type { DeviceFilters } from './filters';
import { visibleRange } from './virtualWindow';

const rowHeight = 56;

/**
 * Every device that matches the filters, worst first, rendered virtually: only the rows in view are in the DOM, so
 * 100,000 devices scroll like 100. The rows in view are the hub's watched set, so they change live wherever the map is.
 */
export function DeviceList({ hub, filters, selectedId, onSelect }: { hub: LiveHub; filters: DeviceFilters; selectedId: string | null; onSelect: (id: string) => void }) {
  const source = useMemo(() => new DeviceListSource(filters), []);
  const state = useStore(source.state);
  const live = useStore(hub.status);
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 600 });

  // Rows load once the hub is ready (and again after every reconnection): loading before would need a second load
  // anyway, to catch what changed until the connection could deliver deltas.
  useEffect(() => {
    if (hub.status.value === 'online') source.reset(filters);
    else source.useFilters(filters);
    scroller.current?.scrollTo({ top: 0 });
  }, [hub, source, filters]);

  useEffect(() => hub.onResync(() => source.reset()), [hub, source]);
  useEffect(() => hub.on<DeviceDelta[]>(ClientMethods.deviceDeltas, (deltas) => source.applyDeltas(deltas)), [hub, source]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setScroll({ top: el.scrollTop, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const count = state.total ?? state.rows.length + (state.complete ? 0 : 1);
  const { first, last } = visibleRange(scroll.top, scroll.height, rowHeight, count);

  useEffect(() => {
    void source.ensure(last);
  }, [source, last, state.version]);

  const visibleIds = state.rows.slice(first, last).map((r) => r.id).join(',');
  useEffect(() => {
    const timer = setTimeout(() => hub.invoke(HubMethods.watchDevices, visibleIds ? visibleIds.split(',') : []).catch(() => undefined), 250);
    return () => clearTimeout(timer);
  }, [hub, visibleIds, live]);

  // The total when the server counted, or the row count once the last page is in.
  const known = state.total ?? (state.complete ? state.rows.length : null);
  const rows = [];
  for (let i = first; i < last; i++) {
    const device = state.rows[i];
    rows.push(
      device ? (
        <DeviceRow key={device.id} device={device} selected={device.id === selectedId} onSelect={onSelect} top={i * rowHeight} />
      ) : (
        <div key={`placeholder-${i}`} class="device-row placeholder" style={{ transform: `translateY(${i * rowHeight}px)` }} aria-hidden="true" />
      ),
    );
  }

  return (
    <section class="device-list" aria-label="Devices">
      <div class="list-summary" data-total={known ?? ''}>
        {known === null ? (state.loading ? 'Loading devices…' : '') : `${formatCount(known)} ${known === 1 ? 'device' : 'devices'}`}
        {state.loading && known !== null ? <span class="spinner" aria-label="loading" /> : null}
      </div>
      <ErrorNote error={state.error} retry={() => source.reset()} />
      {state.complete && state.rows.length === 0 && !state.error ? <p class="empty">No device matches these filters.</p> : null}
      <div class="list-scroller" ref={scroller} role="listbox" aria-label="Devices, worst first" onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}>
        <div class="list-spacer" style={{ height: `${count * rowHeight}px` }}>
          {rows}
        </div>
      </div>
    </section>
  );
}
