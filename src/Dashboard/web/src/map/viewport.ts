// The viewport the console asks the hub for. MapLibre reports longitudes beyond ±180 once the world has been panned
// around; the hub wants them in [-180, 180], with west > east for a view across the antimeridian.
import type { ViewportRequest } from '../live/contract';

/** The whole world, as the first join asks for it to find where the fleet is. */
export const world: Bounds = { west: -180, south: -85, east: 180, north: 85 };

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function wrapLongitude(lon: number): number {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && lon > 0 ? 180 : wrapped;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function viewportRequest(bounds: Bounds, zoom: number, filters: Pick<ViewportRequest, 'severity' | 'status'> = {}): ViewportRequest {
  const wide = bounds.east - bounds.west >= 360;
  const request: ViewportRequest = {
    west: wide ? -180 : wrapLongitude(bounds.west),
    east: wide ? 180 : wrapLongitude(bounds.east),
    south: clamp(bounds.south, -90, 90),
    north: clamp(bounds.north, -90, 90),
    zoom: clamp(Math.round(zoom * 10) / 10, 0, 24),
  };
  if (filters.severity?.length) request.severity = filters.severity;
  if (filters.status?.length) request.status = filters.status;
  return request;
}

/** Whether two requests ask for the same thing, so a map that settles where it was does not re-join. */
export function sameViewport(a: ViewportRequest | undefined, b: ViewportRequest): boolean {
  return (
    a !== undefined &&
    a.west === b.west &&
    a.east === b.east &&
    a.south === b.south &&
    a.north === b.north &&
    a.zoom === b.zoom &&
    (a.severity ?? []).join() === (b.severity ?? []).join() &&
    (a.status ?? []).join() === (b.status ?? []).join()
  );
}

/**
 * The box around everything a snapshot drew (devices and clusters), to open the map on the fleet rather than on an
 * arbitrary part of the world; undefined when the snapshot was empty.
 */
export function fleetBounds(points: readonly { lat: number; lon: number }[]): Bounds | undefined {
  if (points.length === 0) return undefined;
  const box = { west: 180, south: 90, east: -180, north: -90 };
  for (const p of points) {
    box.west = Math.min(box.west, p.lon);
    box.east = Math.max(box.east, p.lon);
    box.south = Math.min(box.south, p.lat);
    box.north = Math.max(box.north, p.lat);
  }
  return box;
}
