import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibre, Marker, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceStatus, Severity, WebSettings } from '../api/types';
import { ClientMethods, HubMethods, type DeviceDelta, type MapCluster, type MapDevice, type MapTechnician, type TechnicianDelta, type ViewportClusters, type ViewportRequest, type ViewportSnapshot } from '../live/contract';
import type { LiveHub } from '../live/liveHub';
import { applyMapDelta, severityRank } from '../devices/rows';
import { formatCount } from '../format';
import { addWorldOutline, emptyStyle } from './baseMap';
import { clusterLabel, clusterRadius, clusterStroke } from './clusters';
import { addMarkerImages, markerImage } from './icons';
import { fleetBounds, sameViewport, viewportRequest, world } from './viewport';


interface Props {
  hub: LiveHub;
  severity: Severity[];
  status: DeviceStatus[];
  selectedId: string | null;
  focus: { lat: number; lon: number } | null;
  onSelect: (id: string) => void;
  settings: Partial<WebSettings>;
}

/**
 * The live device map: the hub sends what is in view (devices, or clusters when too many), then only the changes in
 * view; panning or zooming joins the new viewport. Markers are WebGL symbols (shape + colour per severity); clusters
 * are DOM markers with their count, and a click zooms into them.
 */
// MapLibre's worker is its own self-contained file: served as a hashed asset from this hub, never from a CDN.
setWorkerUrl(workerUrl);

export function MapView({ hub, severity, status, selectedId, focus, onSelect, settings }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const devices = useRef(new Map<string, MapDevice>());
  const technicians = useRef(new Map<string, MapTechnician>());
  const clusterMarkers = useRef<Marker[]>([]);
  const joined = useRef<ViewportRequest | undefined>(undefined);
  const filters = useRef({ severity, status });
  const dirty = useRef(false);
  const [summary, setSummary] = useState({ devices: 0, clusters: 0, total: 0, clustered: false, ready: false });

  filters.current = { severity, status };

  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibre({
      container: container.current,
      style: emptyStyle(settings.tileUrl, settings.tileAttribution),
      center: [10, 25],
      zoom: 1.3,
      attributionControl: settings.tileUrl ? {} : false,
      renderWorldCopies: true,
    });
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');

    const render = () => {
      if (!dirty.current) return;
      dirty.current = false;
      const features = [...devices.current.values()].map((d) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [d.lon, d.lat] },
        properties: { id: d.id, icon: markerImage(d.severity, d.status === 'offline'), rank: severityRank(d.severity) },
      }));
      (map.getSource('devices') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
      const techs = [...technicians.current.values()].flatMap((t) =>
        t.lat === undefined || t.lon === undefined ? [] : [{
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [t.lon, t.lat] },
        properties: { id: t.id, icon: t.available && !t.currentWorkOrderId ? 'technician' : 'technician-busy' },
      }]);
      (map.getSource('technicians') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: techs });
    };
    const frame = { id: 0 };
    const schedule = () => {
      dirty.current = true;
      cancelAnimationFrame(frame.id);
      frame.id = requestAnimationFrame(render);
    };

    const showClusters = (clusters: MapCluster[]) => {
      (map.getSource('clusters') as GeoJSONSource | undefined)?.setData({
        type: 'FeatureCollection',
        features: clusters.map((c) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [c.lon, c.lat] },
          properties: { count: c.count, severity: c.severity, radius: clusterRadius(c.count) },
        })),
      });
      for (const marker of clusterMarkers.current) marker.remove();
      clusterMarkers.current = clusters.map((c) => {
        const el = document.createElement('span');
        el.className = `cluster-label sev-${c.severity}`;
        el.dataset.severity = c.severity;
        el.dataset.count = String(c.count);
        el.textContent = clusterLabel(c.count);
        el.title = `${formatCount(c.count)} devices, worst ${c.severity}`;
        return new Marker({ element: el, anchor: 'top', offset: [0, clusterRadius(c.count) + 2] }).setLngLat([c.lon, c.lat]).addTo(map);
      });
    };

    const join = (force = false) => {
      const b = map.getBounds();
      const request = viewportRequest({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() }, map.getZoom(), filters.current);
      if (!force && sameViewport(joined.current, request)) return;
      joined.current = request;
      void hub.invoke(HubMethods.joinViewport, request).catch(() => (joined.current = undefined));
    };
    let moveTimer = 0;
    map.on('moveend', () => {
      clearTimeout(moveTimer);
      moveTimer = window.setTimeout(() => join(), 150);
    });

    map.on('load', () => {
      addMarkerImages(map);
      map.addSource('devices', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addSource('technicians', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addSource('clusters', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'clusters',
        type: 'circle',
        source: 'clusters',
        paint: { 'circle-radius': ['get', 'radius'], 'circle-color': '#0f1a26', 'circle-opacity': 0.55, 'circle-stroke-color': clusterStroke, 'circle-stroke-width': 3 },
      });
      map.on('click', 'clusters', (e) => {
        const c = e.features?.[0]?.geometry;
        if (c?.type === 'Point') map.easeTo({ center: c.coordinates as [number, number], zoom: map.getZoom() + 2 });
      });
      map.on('mouseenter', 'clusters', () => (map.getCanvas().style.cursor = 'zoom-in'));
      map.on('mouseleave', 'clusters', () => (map.getCanvas().style.cursor = ''));
      // Technicians under the devices, and small when zoomed out: a fault must never hide behind a van.
      map.addLayer({
        id: 'technicians',
        type: 'symbol',
        source: 'technicians',
        layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true, 'icon-size': ['interpolate', ['linear'], ['zoom'], 2, 0.45, 8, 0.75, 14, 1] },
      });
      map.addLayer({
        id: 'devices',
        type: 'symbol',
        source: 'devices',
        layout: {
          'icon-image': ['get', 'icon'],
          'icon-allow-overlap': true,
          'icon-size': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 0.9, 14, 1.1],
          'symbol-sort-key': ['get', 'rank'],
        },
      });
      map.addLayer({
        id: 'selected',
        type: 'circle',
        source: 'devices',
        filter: ['==', ['get', 'id'], ''],
        paint: { 'circle-radius': 14, 'circle-color': 'transparent', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      });
      map.on('click', 'devices', (e) => {
        const id = e.features?.[0]?.properties?.id as string | undefined;
        if (id) onSelect(id);
      });
      // A technician's status and current order, on click: the map says who is where and on what.
      map.on('click', 'technicians', (e) => {
        const t = technicians.current.get(String(e.features?.[0]?.properties?.id));
        if (!t || t.lat === undefined || t.lon === undefined) return;
        new Popup({ offset: 10, className: 'technician-popup' }).setLngLat([t.lon, t.lat]).setDOMContent(technicianCard(t)).addTo(map);
      });
      map.on('mouseenter', 'technicians', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'technicians', () => (map.getCanvas().style.cursor = ''));
      map.on('mouseenter', 'devices', () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', 'devices', () => (map.getCanvas().style.cursor = ''));
      void addWorldOutline(map, Boolean(settings.tileUrl));
      setSummary((s) => ({ ...s, ready: true }));
      joinWorld();
    });
    // Until the map has opened on the fleet, a join asks for the whole world; its snapshot says where the fleet is.
    let fitted = false;
    const joinWorld = () => {
      joined.current = viewportRequest(world, map.getZoom(), filters.current);
      void hub.invoke(HubMethods.joinViewport, joined.current).catch(() => (joined.current = undefined));
    };
    const fitFleet = (snapshot: ViewportSnapshot) => {
      fitted = true;
      const box = fleetBounds([...snapshot.devices, ...snapshot.clusters]);
      if (box) {
        map.fitBounds([[box.west, box.south], [box.east, box.north]], { padding: 48, maxZoom: 11, duration: 0 });
      }
      join();
    };

    const offSnapshot = hub.on<ViewportSnapshot>(ClientMethods.viewportSnapshot, (snapshot) => {
      devices.current = new Map(snapshot.devices.map((d) => [d.id, d]));
      if (snapshot.technicians) technicians.current = new Map(snapshot.technicians.map((t) => [t.id, t]));
      showClusters(snapshot.clusters);
      setSummary((s) => ({ ...s, devices: snapshot.devices.length, clusters: snapshot.clusters.length, total: snapshot.total, clustered: snapshot.clustered }));
      schedule();
      if (!fitted) fitFleet(snapshot);
    });
    const offClusters = hub.on<ViewportClusters>(ClientMethods.viewportClusters, (update) => {
      showClusters(update.clusters);
      setSummary((s) => ({ ...s, clusters: update.clusters.length, total: update.total }));
    });
    const offDeltas = hub.on<DeviceDelta[]>(ClientMethods.deviceDeltas, (deltas) => {
      let changed = false;
      for (const delta of deltas) {
        const current = devices.current.get(delta.id);
        if (!current && delta.removed) continue;
        const next = applyMapDelta(current, delta);
        if (next) devices.current.set(delta.id, next);
        else devices.current.delete(delta.id);
        changed = true;
      }
      if (changed) schedule();
    });
    const offTechnicians = hub.on<TechnicianDelta[]>(ClientMethods.technicianDeltas, (deltas) => {
      for (const delta of deltas) {
        const current = technicians.current.get(delta.id);
        if (delta.removed) technicians.current.delete(delta.id);
        else if (current) technicians.current.set(delta.id, { ...current, ...delta });
        else if (delta.lat !== undefined && delta.lon !== undefined) technicians.current.set(delta.id, { name: delta.id, available: true, ...delta } as MapTechnician);
      }
      schedule();
    });
    // After a reconnection the hub has forgotten the viewport: join it again for a fresh snapshot.
    const offResync = hub.onResync(() => {
      joined.current = undefined;
      if (!map.loaded()) return;
      if (fitted) join(true);
      else joinWorld();
    });

    return () => {
      offSnapshot();
      offClusters();
      offDeltas();
      offTechnicians();
      offResync();
      map.remove();
    };
  }, [hub]);

  // A filter change asks for a new snapshot with the same bounds.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !summary.ready) return;
    map.fire('moveend');
  }, [severity.join(), status.join(), summary.ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !summary.ready) return;
    map.setFilter('selected', ['==', ['get', 'id'], selectedId ?? '']);
  }, [selectedId, summary.ready]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    // The device panel covers the map's right side (up to 420 px): centre the device in what is left visible.
    const covered = Math.min(420, map.getContainer().clientWidth * 0.6);
    map.easeTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.getZoom(), 10), offset: [-covered / 2, 0] });
  }, [focus]);

  return (
    <section class="map-pane" aria-label="Device map">
      <div ref={container} class="map" data-map-ready={summary.ready} data-devices-in-view={summary.devices} data-clusters={summary.clusters} />
      <div class="map-legend" aria-hidden="false">
        <span>
          {summary.clustered ? `${formatCount(summary.total)} in view · grouped` : `${formatCount(summary.devices)} in view`}
        </span>
      </div>
    </section>
  );
}

/** Built from text nodes, never HTML: names come from users. */
function technicianCard(t: MapTechnician): HTMLElement {
  const card = document.createElement('div');
  card.dataset.technicianId = t.id;
  const name = document.createElement('strong');
  name.textContent = `${t.name} (${t.id})`;
  const state = document.createElement('div');
  state.textContent = t.currentWorkOrderId ? `on work order ${t.currentWorkOrderId}` : t.available ? 'available' : 'not taking work';
  card.append(name, state);
  return card;
}
