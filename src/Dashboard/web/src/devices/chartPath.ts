export interface ChartPoint {
  t: number;
  mean: number;
  min: number;
  max: number;
}

/** SVG paths for a mean line and a min–max band, scaled into width × height with a little headroom. */
export function chartPath(points: readonly ChartPoint[], width: number, height: number) {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  const t0 = sorted[0]?.t ?? 0;
  const t1 = sorted[sorted.length - 1]?.t ?? 0;
  const min = Math.min(...sorted.map((p) => p.min));
  const max = Math.max(...sorted.map((p) => p.max));
  const pad = (max - min) * 0.08 || 1;
  const x = (t: number) => (t1 === t0 ? width / 2 : ((t - t0) / (t1 - t0)) * width);
  const y = (v: number) => height - ((v - (min - pad)) / (max - min + 2 * pad)) * height;
  const f = (n: number) => n.toFixed(1);
  const line = sorted.map((p, i) => `${i ? 'L' : 'M'}${f(x(p.t))},${f(y(p.mean))}`).join('');
  const upper = sorted.map((p, i) => `${i ? 'L' : 'M'}${f(x(p.t))},${f(y(p.max))}`).join('');
  const lower = [...sorted].reverse().map((p) => `L${f(x(p.t))},${f(y(p.min))}`).join('');
  return { line, band: `${upper}${lower}Z`, min, max };
}
