import { describe, expect, it } from 'vitest';
import type { WorkOrder } from '../api/types';
import { groupByColumn, isOnBoard } from './board';

const order = (id: string, state: WorkOrder['state'], priority: WorkOrder['priority'], createdAt: string) =>
  ({ id, state, priority, createdAt, type: 'repair', source: 'manual', deviceId: 'd', skill: 's', level: 1, createdBy: 'x', history: [], updatedAt: createdAt }) as WorkOrder;

describe('the work-order board', () => {
  it('puts urgent orders first in their column, then the oldest', () => {
    const columns = groupByColumn([
      order('a', 'new', 'normal', '2026-01-01T00:00:00Z'),
      order('b', 'new', 'urgent', '2026-01-02T00:00:00Z'),
      order('c', 'new', 'normal', '2025-12-31T00:00:00Z'),
      order('d', 'assigned', 'low', '2026-01-01T00:00:00Z'),
    ]);
    expect(columns.get('new')?.map((o) => o.id)).toEqual(['b', 'c', 'a']);
    expect(columns.get('assigned')?.map((o) => o.id)).toEqual(['d']);
  });

  it('leaves closed and cancelled orders off the board', () => {
    expect(isOnBoard(order('a', 'closed', 'low', 't'))).toBe(false);
    expect(isOnBoard(order('a', 'cancelled', 'low', 't'))).toBe(false);
    expect(isOnBoard(order('a', 'on-site', 'low', 't'))).toBe(true);
  });
});
