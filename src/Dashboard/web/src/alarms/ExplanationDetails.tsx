import type { AlarmExplanation } from '../api/types';
import { formatTime, formatValue } from '../format';
import { useNow } from '../shell/useNow';
import { contributorRows, expectedLabel, explanationBar, explanationUnit, forecastSummary, hasDetails, scoreLabel, sinceLabel } from './explanation';
import { RangeBar } from './RangeBar';
import './explanation.css';

const noUnits = () => null;

/**
 * An alarm's explanation in the shape a dispatcher scans: a forecast's crossing first (it is what to plan for), then
 * observed against expected with the score and since when, then the properties that contributed. The server's
 * sentence is shown by the caller; this adds what a sentence cannot show at a glance. Renders what is there: a
 * customer's withheld explanation has no fields and shows nothing here.
 */
export function ExplanationDetails({ explanation: e, ruleKind, unitOf = noUnits }: { explanation: AlarmExplanation; ruleKind: string; unitOf?: (property: string) => string | null | undefined }) {
  const now = useNow();
  if (!hasDetails(e)) return null;
  const unit = explanationUnit(ruleKind, e.property, unitOf);
  const forecast = forecastSummary(e.forecast, unit, now);
  const bar = explanationBar(e);
  const observed = e.observed ?? null;
  // A forecast's band is the fitted level, not a limit: beside the bar, the limit is what matters.
  const compared = e.forecast ? `limit ${formatValue(e.forecast.limit, unit)}` : expectedLabel(e.expectedLow, e.expectedHigh, unit);
  const score = ruleKind === 'forecast' ? null : scoreLabel(e.score);
  const since = sinceLabel(e.deviatingSince, ruleKind, now);
  const contributors = contributorRows(e.contributors, unitOf);

  return (
    <div class="explanation">
      {forecast ? (
        <p class="explanation-forecast">
          <strong>{forecast.text}</strong>
          {forecast.relative ? <span class="when" title={formatTime(e.forecast?.crossingAt)}> · {forecast.relative}</span> : null}
          {forecast.band ? <span class="muted"> ({forecast.band})</span> : null}
        </p>
      ) : null}
      {bar && observed !== null ? (
        <p class="explanation-range">
          <RangeBar bar={bar} label={`${formatValue(observed, unit)}, ${compared ?? ''}`} />
          <span class="observed">{e.property ? `${e.property} ` : ''}{formatValue(observed, unit)}</span>
          {compared ? <span class="muted">{compared}</span> : null}
        </p>
      ) : null}
      {score || since ? (
        <p class="explanation-meta muted">
          {score}
          {score && since ? ' · ' : null}
          {since ? <span title={formatTime(e.deviatingSince)}>{since.text} ({since.relative})</span> : null}
        </p>
      ) : null}
      {contributors.length ? (
        <ol class="contributors" aria-label="Contributing properties">
          {contributors.map((c) => (
            <li key={c.property} data-property={c.property}>
              <span class="share-bar" aria-hidden="true">
                <span style={{ width: `${c.width}%` }} />
              </span>
              <span class="share num">{c.percent}</span>
              <span>
                <strong>{c.property}</strong> — {c.observed}, expected {c.expected}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
