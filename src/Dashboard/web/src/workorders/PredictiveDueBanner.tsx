import type { AlarmRecord, WorkOrder } from '../api/types';
import { formatTime } from '../format';
import { useNow } from '../shell/useNow';
import { predictiveDue } from './predictiveDue';
import './PredictiveDueBanner.css';

// A deadline matters while the visit is still to come.
const finished: readonly WorkOrder['state'][] = ['completed', 'closed', 'cancelled'];

/** A predictive order's deadline, first thing in the order: the whole point of it is to be there before the limit. */
export function PredictiveDueBanner({ order, alarm, unitOf }: { order: WorkOrder; alarm: AlarmRecord | null; unitOf: (property: string) => string | null }) {
  const now = useNow();
  if (order.type !== 'predictive' || !order.dueAt || finished.includes(order.state)) return null;
  const property = alarm?.explanation.property;
  const due = predictiveDue(order.dueAt, alarm?.explanation.forecast, property ? unitOf(property) : null, now);
  return (
    <p class={`due-banner${Date.parse(order.dueAt) <= now ? ' overdue' : ''}`} data-due-at={order.dueAt}>
      <strong title={formatTime(order.dueAt)}>{due.headline}</strong> <span class="due-relative">({due.relative})</span>
      <span class="due-reason"> — {due.reason}</span>
    </p>
  );
}
