import { ApiError } from '../api/http';
import { formatMinutes } from '../format';
import type { OverrideQuote } from '../api/types';

/** What giving the order to this technician costs against the solver's plan, in travel minutes and SLA moves. */
export function OverridePrice({ quote, compact = false }: { quote: OverrideQuote | ApiError | undefined; compact?: boolean }) {
  if (quote === undefined) return compact ? <span class="price muted">…</span> : <p class="muted">Pricing this choice…</p>;
  if (quote instanceof ApiError) return <span class="price price-error">{compact ? 'no price' : quote.message}</span>;
  if (!quote.feasible) return <span class="price price-infeasible">{quote.detail ?? quote.reason ?? 'not possible'}</span>;
  const extra = quote.extraTravelMinutes ?? 0;
  const planned = quote.plannedTechnicianId === quote.technicianId;
  const breaches = quote.slaChanges.filter((c) => c.breachedAfter && !c.breachedBefore);
  if (compact) {
    return (
      <span class={`price${planned ? ' price-planned' : extra > 0.5 || breaches.length ? ' price-worse' : ''}`} data-extra-minutes={Math.round(extra)}>
        {planned ? 'solver’s choice' : `${formatMinutes(extra)} travel`}
        {breaches.length ? ` · ${breaches.length} SLA` : ''}
      </span>
    );
  }
  return (
    <div class="quote" data-extra-minutes={Math.round(extra)}>
      <p>
        {planned ? (
          <strong>This is the solver’s plan.</strong>
        ) : (
          <>
            <strong>{formatMinutes(extra)}</strong> travel against the plan
            {quote.plannedTechnicianId ? ` (${quote.plannedTechnicianId})` : ''}
            {quote.reason ? <span class="price-infeasible"> · {quote.detail ?? quote.reason}</span> : null}
            {quote.costDelta != null ? <span class="muted"> · total cost {formatMinutes(quote.costDelta)}</span> : null}
          </>
        )}
      </p>
      {quote.slaChanges.length ? (
        <ul class="plain sla-changes">
          {quote.slaChanges.map((c) => (
            <li key={c.orderId} class={c.breachedAfter && !c.breachedBefore ? 'breached' : ''}>
              {c.orderId}: {c.deltaMinutes != null ? `arrival ${formatMinutes(c.deltaMinutes)}` : c.etaAfter ? 'gets a technician' : 'left without a technician'}
              {c.breachedAfter && !c.breachedBefore ? ' — misses its SLA' : c.breachedBefore && !c.breachedAfter ? ' — now meets its SLA' : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">No other order’s SLA moves.</p>
      )}
      {quote.reassigned.length ? (
        <p class="muted">
          Moves {quote.reassigned.map((r) => `${r.orderId} → ${r.toTechnicianId ?? 'nobody'}`).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
