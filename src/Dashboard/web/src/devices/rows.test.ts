import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../api/types';
import { applyDelta, applyMapDelta, compareWorstFirst, mergeDeltas } from './rows';

const row = (id: string, severity: DeviceView['severity'], lastSeen: string | null = null): DeviceView => ({
  id,
  name: null,
  modelId: 'chiller',
  customerId: null,
  status: 'online',
  severity,
  location: { lat: 31, lon: 121 },
  lastSeen,
  registeredAt: '2026-01-01T00:00:00Z',
  values: { temperature: { value: 4, timestamp: '2026-01-01T00:00:00Z', unit: '°C' } },
});

describe('worst-first order', () => {
  it('puts higher severities first, then the most recently seen, then ids', () => {
    const rows = [
      row('b', 'minor', '2026-01-01T00:00:00Z'),
      row('a', 'critical'),
      row('c', 'minor', '2026-01-02T00:00:00Z'),
      row('d', 'none'),
    ];
    expect(rows.sort(compareWorstFirst).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });
});

describe('applying a delta to a row', () => {
  it('replaces the fields it carries and merges values by property', () => {
    const next = applyDelta(row('a', 'none'), {
      id: 'a',
      severity: 'critical',
      values: { pressure: { value: 2, timestamp: '2026-01-01T00:01:00Z' } },
    });
    expect(next.severity).toBe('critical');
    expect(next.status).toBe('online');
    expect(Object.keys(next.values).sort()).toEqual(['pressure', 'temperature']);
  });

  it('keeps the unit the list gave a value when a delta brings a new reading of it', () => {
    const next = applyDelta(row('a', 'none'), { id: 'a', values: { temperature: { value: 9, timestamp: '2026-01-01T00:02:00Z' } } });
    expect(next.values.temperature).toEqual({ value: 9, timestamp: '2026-01-01T00:02:00Z', unit: '°C' });
  });

  it('leaves the row it was given unchanged', () => {
    const before = row('a', 'none');
    applyDelta(before, { id: 'a', severity: 'major' });
    expect(before.severity).toBe('none');
  });
});

describe('applying a delta to a map marker', () => {
  it('removes a device that left the view', () => {
    const marker = applyMapDelta(undefined, { id: 'a', lat: 1, lon: 2, severity: 'minor' });
    expect(marker?.severity).toBe('minor');
    expect(applyMapDelta(marker, { id: 'a', removed: true })).toBeUndefined();
  });

  it('keeps a watched device that is not on the map off it', () => {
    expect(applyMapDelta(undefined, { id: 'far', watched: true, lat: 39.9, lon: 116.4, severity: 'critical' })).toBeUndefined();
  });

  it('cannot place a new device without a position', () => {
    expect(applyMapDelta(undefined, { id: 'a', severity: 'minor' })).toBeUndefined();
  });
});

describe('merging bursts of deltas', () => {
  it('keeps the newest field values and every property value', () => {
    const merged = mergeDeltas([
      [{ id: 'a', severity: 'minor', values: { t: { value: 1, timestamp: 't1' } } }],
      [{ id: 'a', status: 'offline', values: { p: { value: 2, timestamp: 't2' } } }, { id: 'b', severity: 'none' }],
    ]);
    expect(merged.get('a')).toMatchObject({ severity: 'minor', status: 'offline' });
    expect(Object.keys(merged.get('a')?.values ?? {}).sort()).toEqual(['p', 't']);
    expect(merged.size).toBe(2);
  });

  it('lets a removal win over what came before it', () => {
    const merged = mergeDeltas([[{ id: 'a', severity: 'minor' }], [{ id: 'a', removed: true }]]);
    expect(merged.get('a')?.removed).toBe(true);
  });
});
