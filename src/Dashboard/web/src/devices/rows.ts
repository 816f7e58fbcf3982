// What the list and the panel show of a device, and how a live delta changes it. Pure functions: tested in
// rows.test.ts, used by every page that shows devices.
import type { DeviceView, Severity } from '../api/types';
import type { DeviceDelta, MapDevice } from '../live/contract';

const rank: Record<Severity, number> = { none: 0, warning: 1, minor: 2, major: 3, critical: 4 };

export function severityRank(severity: Severity): number {
  return rank[severity];
}

/** Worst first, then the most recently seen, then by id: the console's default order, as the API's sort=worst. */
export function compareWorstFirst(a: DeviceView, b: DeviceView): number {
  return (
    rank[b.severity] - rank[a.severity] ||
    (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/** The row with a delta applied: a field the delta carries replaces the row's, values merge by property. */
export function applyDelta(row: DeviceView, delta: DeviceDelta): DeviceView {
  const next: DeviceView = { ...row };
  if (delta.status !== undefined) next.status = delta.status;
  if (delta.severity !== undefined) next.severity = delta.severity;
  if (delta.lastSeen !== undefined) next.lastSeen = delta.lastSeen;
  if (delta.lat !== undefined && delta.lon !== undefined) next.location = { lat: delta.lat, lon: delta.lon };
  if (delta.values) {
    const values = { ...row.values };
    for (const [name, v] of Object.entries(delta.values)) values[name] = { ...v, unit: row.values[name]?.unit ?? null };
    next.values = values;
  }
  return next;
}

/** A map marker with a delta applied, or undefined when the delta says the device left the view. */
export function applyMapDelta(device: MapDevice | undefined, delta: DeviceDelta): MapDevice | undefined {
  if (delta.removed) return undefined;
  if (!device) {
    // A watched device that is not on the map stays off it: the map shows its viewport only.
    if (delta.watched || delta.lat === undefined || delta.lon === undefined) return undefined;
    return {
      id: delta.id,
      lat: delta.lat,
      lon: delta.lon,
      status: delta.status ?? 'unknown',
      severity: delta.severity ?? 'none',
      modelId: delta.modelId ?? '',
      customerId: delta.customerId ?? null,
      lastSeen: delta.lastSeen ?? null,
    };
  }
  return {
    ...device,
    lat: delta.lat ?? device.lat,
    lon: delta.lon ?? device.lon,
    status: delta.status ?? device.status,
    severity: delta.severity ?? device.severity,
    lastSeen: delta.lastSeen ?? device.lastSeen ?? null,
  };
}

/** Deltas in arrival order merged per device, so a burst costs one render per device. */
export function mergeDeltas(batches: readonly DeviceDelta[][]): Map<string, DeviceDelta> {
  const merged = new Map<string, DeviceDelta>();
  for (const batch of batches) {
    for (const delta of batch) {
      const seen = merged.get(delta.id);
      if (!seen || delta.removed || delta.complete) {
        merged.set(delta.id, delta);
        continue;
      }
      merged.set(delta.id, {
        ...seen,
        ...delta,
        removed: undefined,
        values: seen.values || delta.values ? { ...seen.values, ...delta.values } : undefined,
      });
    }
  }
  return merged;
}
