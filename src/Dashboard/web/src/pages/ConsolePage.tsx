import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api/http';
import type { Me } from '../api/types';
import { AlarmFeed } from '../alarms/AlarmFeed';
import { DeviceFilterBar } from '../devices/DeviceFilterBar';
import { DeviceList } from '../devices/DeviceList';
import { DevicePanel } from '../devices/DevicePanel';
import { noFilters, type DeviceFilters } from '../devices/filters';
import type { LiveHub } from '../live/liveHub';
import { MapView } from '../map/MapView';
import type { WebSettings } from '../api/types';
import { WorkOrderBoard } from '../workorders/WorkOrderBoard';
import { WorkOrderDetail } from '../workorders/WorkOrderDetail';

type Pane = 'devices' | 'map' | 'alarms' | 'orders';

/**
 * The dispatcher's console: devices (list beside the map), alarms as they come, and the work-order board. On a
 * laptop the list, the map or board, and the alarm feed sit side by side; on a phone one pane at a time.
 */
export function ConsolePage({ hub, me }: { hub: LiveHub; me: Me }) {
  const [filters, setFilters] = useState<DeviceFilters>(noFilters);
  const [selectedDevice, setSelectedDevice] = useState<string | null>(null);
  const [selectedOrder, setSelectedOrder] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ lat: number; lon: number } | null>(null);
  const [center, setCenter] = useState<'map' | 'board'>('map');
  const [pane, setPane] = useState<Pane>('map');
  const [mapSettings, setMapSettings] = useState<WebSettings | null>(null);

  useEffect(() => {
    getJson<WebSettings>('/api/web/settings').then(setMapSettings, () => setMapSettings({ tileUrl: null, tileAttribution: null }));
  }, []);

  const selectDevice = (id: string) => {
    setSelectedDevice(id);
    setSelectedOrder(null);
    if (pane !== 'devices') setPane('map');
  };
  const openOrder = (id: string) => {
    setSelectedOrder(id);
    setSelectedDevice(null);
    setCenter('board');
    setPane('orders');
  };

  return (
    <main class={`console show-${pane}`} data-center={center}>
      <nav class="pane-tabs" aria-label="Console sections">
        {(['devices', 'map', 'alarms', 'orders'] as const).map((p) => (
          <button type="button" key={p} class={pane === p ? 'on' : ''} aria-pressed={pane === p} onClick={() => (setPane(p), setCenter(p === 'orders' ? 'board' : p === 'map' ? 'map' : center))}>
            {p === 'devices' ? 'Devices' : p === 'map' ? 'Map' : p === 'alarms' ? 'Alarms' : 'Work orders'}
          </button>
        ))}
      </nav>
      <div class="col col-devices">
        <DeviceFilterBar filters={filters} onChange={setFilters} showCustomer />
        <DeviceList hub={hub} filters={filters} selectedId={selectedDevice} onSelect={selectDevice} />
      </div>
      <div class="col col-center">
        <div class="center-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={center === 'map'} class={center === 'map' ? 'on' : ''} onClick={() => setCenter('map')}>
            Map
          </button>
          <button type="button" role="tab" aria-selected={center === 'board'} class={center === 'board' ? 'on' : ''} onClick={() => setCenter('board')}>
            Work orders
          </button>
        </div>
        <div class="center-body">
          {mapSettings ? (
            <div class="center-map" hidden={center !== 'map'}>
              <MapView hub={hub} severity={filters.severity} status={filters.status} selectedId={selectedDevice} focus={focus} onSelect={selectDevice} settings={mapSettings} />
            </div>
          ) : null}
          {center === 'board' ? <WorkOrderBoard hub={hub} onOpen={openOrder} selectedId={selectedOrder} /> : null}
          {selectedDevice ? <DevicePanel hub={hub} deviceId={selectedDevice} onClose={() => setSelectedDevice(null)} onOpenOrder={openOrder} onLocated={setFocus} /> : null}
          {selectedOrder ? <WorkOrderDetail hub={hub} orderId={selectedOrder} onClose={() => setSelectedOrder(null)} onSelectDevice={selectDevice} /> : null}
        </div>
      </div>
      <div class="col col-alarms">
        <AlarmFeed hub={hub} onSelectDevice={selectDevice} onOpenOrder={openOrder} canAct={me.role === 'admin' || me.role === 'dispatcher'} />
      </div>
    </main>
  );
}
