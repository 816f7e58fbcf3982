import { describe, expect, it } from 'vitest';
import { visibleRange } from './virtualWindow';

describe('the rendered window of a long list', () => {
  it('covers the visible rows and a margin', () => {
    expect(visibleRange(0, 560, 56, 100_000)).toEqual({ first: 0, last: 18 });
    expect(visibleRange(56 * 50_000, 560, 56, 100_000)).toEqual({ first: 49_992, last: 50_018 });
  });

  it('never runs past either end', () => {
    expect(visibleRange(56 * 99_999, 560, 56, 100_000).last).toBe(100_000);
    expect(visibleRange(0, 560, 56, 3)).toEqual({ first: 0, last: 3 });
    expect(visibleRange(500, 560, 56, 0)).toEqual({ first: 0, last: 0 });
  });
});
