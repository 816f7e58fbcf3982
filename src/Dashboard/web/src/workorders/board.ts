import type { WorkOrder, WorkOrderState } from '../api/types';

/** The board's columns, in the order work flows; closed, cancelled and declined orders leave the board. */
export const boardColumns: readonly { state: WorkOrderState; title: string }[] = [
  { state: 'new', title: 'New' },
  { state: 'assigned', title: 'Assigned' },
  { state: 'accepted', title: 'Accepted' },
  { state: 'travelling', title: 'Travelling' },
  { state: 'on-site', title: 'On site' },
  { state: 'on-hold', title: 'On hold' },
  { state: 'completed', title: 'Completed' },
];

const onBoard = new Set(boardColumns.map((c) => c.state));

export function isOnBoard(order: WorkOrder): boolean {
  return onBoard.has(order.state);
}

const priorityRank = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

/** Orders grouped by column, most urgent first, then oldest first. */
export function groupByColumn(orders: Iterable<WorkOrder>): Map<WorkOrderState, WorkOrder[]> {
  const columns = new Map<WorkOrderState, WorkOrder[]>(boardColumns.map((c) => [c.state, []]));
  for (const order of orders) columns.get(order.state)?.push(order);
  for (const list of columns.values()) {
    list.sort((a, b) => priorityRank[a.priority] - priorityRank[b.priority] || a.createdAt.localeCompare(b.createdAt));
  }
  return columns;
}
