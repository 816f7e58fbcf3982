import { formatTime } from '../format';
import type { DispatchReceipt, ManualOverride } from '../api/types';

const minutes = (n: number) => `${n.toFixed(1)} min`;

/** The receipt: who was chosen and why it cost what it did, and every other technician with the reason they were not. */
export function ReceiptView({ receipt }: { receipt: DispatchReceipt }) {
  return (
    <div class="receipt" data-receipt-for={receipt.orderId}>
      <p>
        {receipt.technicianId ? (
          <>
            Chosen: <strong data-chosen-technician={receipt.technicianId}>{receipt.technicianId}</strong>
          </>
        ) : (
          <strong>No technician could take it.</strong>
        )}{' '}
        <span class="muted">
          {formatTime(receipt.decidedAt)} · examined {receipt.examined} of {receipt.poolSize}
        </span>
      </p>
      {receipt.cost ? (
        <table class="cost">
          <tbody>
            <tr>
              <th scope="row">Travel</th>
              <td class="num">
                {minutes(receipt.cost.travelMinutes)} <span class="muted">({receipt.cost.distanceKm.toFixed(1)} km)</span>
              </td>
            </tr>
            <tr>
              <th scope="row">Lateness penalty</th>
              <td class="num">{minutes(receipt.cost.latenessPenalty)}</td>
            </tr>
            <tr>
              <th scope="row">Parts in van</th>
              <td class="num">−{minutes(receipt.cost.partsBonus)}</td>
            </tr>
            <tr class="total">
              <th scope="row">Total</th>
              <td class="num">{minutes(receipt.cost.total)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {receipt.rejected.length ? (
        <details>
          <summary>{receipt.rejected.length} not chosen</summary>
          <ul class="plain rejected">
            {receipt.rejected.map((r) => (
              <li key={r.technicianId} data-technician-id={r.technicianId} data-reason={r.reason}>
                <strong>{r.technicianId}</strong> — {r.detail}
                {r.cost ? <span class="muted"> · {minutes(r.cost.total)}</span> : null}
                {r.assignedOrderId ? <span class="muted"> · took {r.assignedOrderId}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {receipt.override ? <OverrideNote override={receipt.override} /> : null}
      {receipt.unexaminedCostAtLeast != null ? (
        <p class="muted">The {receipt.poolSize - receipt.examined} technicians not examined would each cost at least {minutes(receipt.unexaminedCostAtLeast)}.</p>
      ) : null}
    </div>
  );
}

/** A hand assignment: who overrode the plan, what the quote said it cost, and the orders it moved. */
function OverrideNote({ override }: { override: ManualOverride }) {
  return (
    <p class="override-note" data-override-by={override.by}>
      Assigned by hand by <strong>{override.by}</strong> {formatTime(override.at)}
      {override.plannedTechnicianId ? ` over the plan’s ${override.plannedTechnicianId}` : ''}
      {override.extraTravelMinutes != null ? ` · ${minutes(override.extraTravelMinutes)} extra travel` : ''}
      {override.movedOrderIds.length ? ` · moved ${override.movedOrderIds.join(', ')}` : ''}
      {override.unpriced ? <span class="muted"> · not priced: {override.unpriced}</span> : null}
      {override.detail ? <span class="muted"> · {override.detail}</span> : null}
    </p>
  );
}
