import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api/http';
import type { DeviceModel } from '../api/types';

type Units = ReadonlyMap<string, string>;

// One request per model per page, shared by every view that asks: the feed's 200 alarms come from a handful of
// models, and units do not change while a console is open (a model edit that changes one shows after a reload).
const cache = new Map<string, Promise<Units>>();

function loadUnits(modelId: string): Promise<Units> {
  let units = cache.get(modelId);
  if (!units) {
    units = getJson<DeviceModel>(`/api/device-models/${encodeURIComponent(modelId)}`).then(
      (m) => new Map(m.properties.flatMap((p) => (p.unit ? [[p.name, p.unit] as const] : []))),
      // Without units the numbers still read (the explanation's sentence carries them too); a later view asks again.
      () => {
        cache.delete(modelId);
        return new Map();
      },
    );
    cache.set(modelId, units);
  }
  return units;
}

/** The units of a model's properties, as a lookup; empty until loaded, and when `modelId` is null. */
export function useModelUnits(modelId: string | null | undefined): (property: string) => string | null {
  const [units, setUnits] = useState<Units>(new Map());
  useEffect(() => {
    if (!modelId) return;
    let cancelled = false;
    void loadUnits(modelId).then((u) => !cancelled && setUnits(u));
    return () => {
      cancelled = true;
    };
  }, [modelId]);
  return (property) => units.get(property) ?? null;
}
