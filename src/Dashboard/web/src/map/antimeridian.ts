// world-atlas cuts the outline at ±180°, and a few rings (Chukotka, Wrangel Island…) step straight from 179.9° to
// −180°: drawn as is, that edge crosses the whole world. A ring made continuous (each step under 180°, longitudes
// beyond ±180 are fine for MapLibre) draws as the island it is. A ring around a pole cannot close that way and is left alone.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export function continuousRing(ring: Position[]): Position[] {
  let shift = 0;
  let jumped = false;
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    const point = ring[i] as Position;
    const previous = ring[i - 1];
    if (previous) {
      const step = (point[0] as number) - (previous[0] as number);
      if (step > 180) {
        shift -= 360;
        jumped = true;
      } else if (step < -180) {
        shift += 360;
        jumped = true;
      }
    }
    out.push([(point[0] as number) + shift, point[1] as number]);
  }
  if (!jumped) return ring;
  const first = out[0];
  const last = out[out.length - 1];
  return first && last && Math.abs((first[0] as number) - (last[0] as number)) < 1e-9 ? out : ring;
}

function fixGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(continuousRing) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(continuousRing)) };
    default:
      return geometry;
  }
}

export function withContinuousRings<T extends Feature | FeatureCollection>(data: T): T {
  if (data.type === 'FeatureCollection') return { ...data, features: data.features.map((f) => withContinuousRings(f)) };
  return data.geometry ? { ...data, geometry: fixGeometry(data.geometry) } : data;
}
