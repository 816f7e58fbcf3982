import { useEffect, useMemo, useState } from 'preact/hooks';
import { getJson, query } from '../api/http';
import type { Page, WorkOrder } from '../api/types';
import { ClientMethods } from '../live/contract';
import type { LiveHub } from '../live/liveHub';
import { useResyncedLoad } from '../live/useResyncedLoad';
import { timeAgo } from '../format';
import { ErrorNote } from '../shell/ErrorNote';
import { boardColumns, groupByColumn, isOnBoard } from './board';

const openStates = boardColumns.map((c) => c.state).join(',');

/** Work orders in columns by state, live; a card opens the order with its receipt and the override pricing. */
export function WorkOrderBoard({ hub, onOpen, selectedId }: { hub: LiveHub; onOpen: (id: string) => void; selectedId: string | null }) {
  const [orders, setOrders] = useState(new Map<string, WorkOrder>());
  const { error, loading, retry } = useResyncedLoad(
    hub,
    () => getJson<Page<WorkOrder>>(`/api/work-orders${query({ state: openStates, limit: 1000 })}`),
    (page) => setOrders(new Map(page.items.map((o) => [o.id, o]))),
    [],
  );
  useEffect(
    () =>
      hub.on<{ order?: WorkOrder }>(ClientMethods.workOrder, (e) => {
        const order = e.order;
        if (!order) return;
        setOrders((current) => {
          const next = new Map(current);
          if (isOnBoard(order)) next.set(order.id, order);
          else next.delete(order.id);
          return next;
        });
      }),
    [hub],
  );

  const columns = useMemo(() => groupByColumn(orders.values()), [orders]);

  return (
    <section class="board" aria-label="Work orders">
      <ErrorNote error={error} retry={retry} />
      {loading && orders.size === 0 ? <p class="muted">Loading work orders…</p> : null}
      {!loading && !error && orders.size === 0 ? <p class="empty">No open work orders.</p> : null}
      <div class="board-columns">
        {boardColumns.map((column) => {
          const list = columns.get(column.state) ?? [];
          return (
            <div class="board-column" key={column.state} data-state={column.state} data-empty={list.length === 0}>
              <h3>
                {column.title} <span class="count">{list.length}</span>
              </h3>
              <ol class="board-cards">
                {list.map((o) => (
                  <li key={o.id}>
                    <button
                      type="button"
                      class={`card priority-${o.priority}${o.slaBreached ? ' breached' : ''}${o.id === selectedId ? ' selected' : ''}`}
                      data-work-order-id={o.id}
                      data-state={o.state}
                      onClick={() => onOpen(o.id)}
                    >
                      <span class="card-top">
                        <span class="card-id">{o.id}</span>
                        <span class={`priority priority-${o.priority}`}>{o.priority}</span>
                      </span>
                      <span class="card-title">
                        {o.type} · {o.deviceId}
                      </span>
                      <span class="card-sub muted">
                        {o.skill} L{o.level}
                        {o.technicianId ? ` · ${o.technicianId}` : ' · unassigned'}
                        {' · '}
                        {timeAgo(o.createdAt)}
                      </span>
                      {o.slaBreached ? <span class="badge-breach">SLA breached</span> : null}
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          );
        })}
      </div>
    </section>
  );
}
