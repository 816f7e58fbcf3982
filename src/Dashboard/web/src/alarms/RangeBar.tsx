import type { RangeBar as Bar } from './explanation';

const sideWords: Record<Bar['side'], string> = { below: 'below the expected range', within: 'within the expected range', above: 'above the expected range' };

/** A thin bar: the expected band, the observed value as a mark (outside the band it is drawn in the alarm colour), a forecast's limit as a tick. */
export function RangeBar({ bar, label }: { bar: Bar; label: string }) {
  return (
    <span class="range-bar" role="img" aria-label={`${label}, ${sideWords[bar.side]}`} data-side={bar.side}>
      <span class="range-band" style={{ left: `${bar.from}%`, width: `${Math.max(bar.to - bar.from, 1)}%` }} />
      {bar.ticks.map((t, i) => (
        <span key={i} class="range-tick" style={{ left: `${t}%` }} />
      ))}
      <span class="range-marker" style={{ left: `${bar.marker}%` }} />
    </span>
  );
}
