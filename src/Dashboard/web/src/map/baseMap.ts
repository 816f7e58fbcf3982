// The base layers: the bundled world outline (world-atlas' 1:50m countries, fetched as a static asset after the
// console is up) so the map works with no network, and optionally raster tiles from `Web:MapTileUrl`.
import type { Map as MapLibre, StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { withContinuousRings } from './antimeridian';

export function emptyStyle(tileUrl?: string | null, attribution?: string | null): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl
      ? { tiles: { type: 'raster', tiles: [tileUrl], tileSize: 256, attribution: attribution ?? '' } }
      : {},
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#0d1621' } },
      ...(tileUrl ? [{ id: 'tiles', type: 'raster' as const, source: 'tiles', paint: { 'raster-opacity': 0.85 } }] : []),
    ],
  };
}

export async function addWorldOutline(map: MapLibre, underTiles: boolean): Promise<void> {
  // Fetched as a hashed asset (cached for a year), not bundled: 750 kB of JSON would only slow the first paint.
  const world = (await (await fetch(worldUrl)).json()) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>;
  map.addSource('land', { type: 'geojson', data: withContinuousRings(feature(world, world.objects.land)) });
  map.addSource('borders', { type: 'geojson', data: mesh(world, world.objects.countries, (a, b) => a !== b) });
  // Under everything the console draws: the first of its layers that exists.
  const before = ['clusters', 'technicians', 'devices'].find((id) => map.getLayer(id));
  if (!underTiles) {
    map.addLayer({ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#1a2533' } }, before);
    map.addLayer({ id: 'coast', type: 'line', source: 'land', paint: { 'line-color': '#2f3f55', 'line-width': 0.8 } }, before);
  }
  map.addLayer(
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': underTiles ? '#00000055' : '#33445c', 'line-width': 0.6, 'line-dasharray': [2, 1] } },
    before,
  );
}
