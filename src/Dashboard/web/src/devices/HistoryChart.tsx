import { useEffect, useState } from 'preact/hooks';
import { getJson, query } from '../api/http';
import type { TelemetryResponse } from '../api/types';
import { formatValue } from '../format';
import { ErrorNote } from '../shell/ErrorNote';
import { chartPath, type ChartPoint } from './chartPath';

const ranges = [
  { label: '1 h', hours: 1, interval: '1m' },
  { label: '24 h', hours: 24, interval: '15m' },
  { label: '7 d', hours: 168, interval: '1h' },
  { label: '30 d', hours: 720, interval: '6h' },
] as const;

/** One property's history from the telemetry API: the mean as a line, min–max as a band. */
export function HistoryChart({ deviceId, property, unit }: { deviceId: string; property: string; unit?: string | null }) {
  const [range, setRange] = useState<(typeof ranges)[number]>(ranges[1]);
  const [points, setPoints] = useState<ChartPoint[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setPoints(null);
    setError(null);
    const to = new Date();
    const from = new Date(to.getTime() - range.hours * 3600_000);
    getJson<TelemetryResponse>(
      `/api/devices/${encodeURIComponent(deviceId)}/telemetry` +
        query({ property, from: from.toISOString(), to: to.toISOString(), interval: range.interval }),
    )
      .then((response) => {
        if (cancelled) return;
        const series = response.series.find((s) => s.property === property);
        const aggregated = (series?.aggregates ?? []).map((a) => ({ t: Date.parse(a.start), mean: a.mean, min: a.min, max: a.max }));
        const raw = (series?.points ?? []).map((p) => ({ t: Date.parse(p.timestamp), mean: p.value, min: p.value, max: p.value }));
        setPoints(aggregated.length ? aggregated : raw);
      })
      .catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [deviceId, property, range, attempt]);

  const width = 320;
  const height = 120;
  const path = points && points.length ? chartPath(points, width, height) : null;
  return (
    <figure class="chart" data-property={property}>
      <figcaption>
        <span>{property}</span>
        <span class="chart-ranges" role="group" aria-label="Interval">
          {ranges.map((r) => (
            <button type="button" key={r.label} class={`chip small${r === range ? ' on' : ''}`} aria-pressed={r === range} onClick={() => setRange(r)}>
              {r.label}
            </button>
          ))}
        </span>
      </figcaption>
      <ErrorNote error={error} retry={() => setAttempt((a) => a + 1)} />
      {points === null && !error ? <div class="chart-empty">Loading…</div> : null}
      {points && !path ? <div class="chart-empty">No readings in this period.</div> : null}
      {path ? (
        <svg viewBox={`0 0 ${width} ${height}`} class="chart-svg" role="img" aria-label={`${property} over ${range.label}`} data-points={points?.length}>
          <path d={path.band} class="chart-band" />
          <path d={path.line} class="chart-line" />
          <text x="2" y="10" class="chart-axis">
            {formatValue(path.max, unit)}
          </text>
          <text x="2" y={height - 2} class="chart-axis">
            {formatValue(path.min, unit)}
          </text>
        </svg>
      ) : null}
    </figure>
  );
}
