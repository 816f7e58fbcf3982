import { useEffect, useState } from 'preact/hooks';
import { getJson, postJson } from '../api/http';
import type { Me, WorkOrder } from '../api/types';
import type { LiveHub } from '../live/liveHub';
import { ErrorNote } from '../shell/ErrorNote';
import { useModelUnits } from '../devices/useModelUnits';
import { OrderAlarm } from '../workorders/OrderAlarm';
import { PredictiveDueBanner } from '../workorders/PredictiveDueBanner';
import { WorkOrderBoard } from '../workorders/WorkOrderBoard';
import { technicianActions } from '../workorders/nextActions';
import { useOrderAlarm } from '../workorders/useOrderAlarm';
import { localTimesIn } from '../alarms/explanation';

/** A technician's own orders, live, on the same board as the console's; a card offers the next step. (The full technician app comes later.) */
export function TechnicianOrdersPage({ hub, me }: { hub: LiveHub; me: Me }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <main class="simple-page">
      <h1>My work orders</h1>
      <p class="muted">Technician {me.technicianId}</p>
      <WorkOrderBoard hub={hub} onOpen={setSelected} selectedId={selected} />
      {selected ? <OrderSteps hub={hub} orderId={selected} onClose={() => setSelected(null)} /> : null}
    </main>
  );
}

function OrderSteps({ hub, orderId, onClose }: { hub: LiveHub; orderId: string; onClose: () => void }) {
  const [order, setOrder] = useState<WorkOrder | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What the technician goes to look at: the alarm's explanation, and for a predictive order the deadline.
  const alarm = useOrderAlarm(hub, order?.alarmId);
  const unitOf = useModelUnits(order?.modelId);
  useEffect(() => {
    getJson<WorkOrder>(`/api/work-orders/${encodeURIComponent(orderId)}`).then(setOrder, setError);
  }, [orderId]);
  const take = async (action: string) => {
    setError(null);
    try {
      const next = await postJson<WorkOrder>(`/api/work-orders/${encodeURIComponent(orderId)}/${action}`, {});
      if (next) setOrder(next);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <aside class="panel sheet" data-work-order-id={orderId} aria-label={`Work order ${orderId}`}>
      <header class="panel-head">
        <h2>{orderId}</h2>
        <button type="button" class="ghost" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      <ErrorNote error={error} />
      {order ? (
        <div class="panel-body">
          <p>
            {order.type} at {order.deviceId} · <span class={`state state-${order.state}`}>{order.state}</span>
          </p>
          <PredictiveDueBanner order={order} alarm={alarm} unitOf={unitOf} />
          {alarm ? <OrderAlarm alarm={alarm} unitOf={unitOf} /> : order.description ? <p>{localTimesIn(order.description)}</p> : null}
          <div class="actions">
            {technicianActions(order.state).map((a) => (
              <button type="button" key={a.action} data-action={a.action} onClick={() => void take(a.action)}>
                {a.label}
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </aside>
  );
}
