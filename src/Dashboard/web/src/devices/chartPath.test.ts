import { describe, expect, it } from 'vitest';
import { chartPath } from './chartPath';

describe('the history chart', () => {
  it('spans the width and keeps the highest value near the top', () => {
    const path = chartPath(
      [
        { t: 2000, mean: 10, min: 9, max: 11 },
        { t: 1000, mean: 0, min: 0, max: 0 },
      ],
      100,
      50,
    );
    expect(path.line.startsWith('M0.0,')).toBe(true);
    expect(path.line).toContain('L100.0,');
    expect(path.min).toBe(0);
    expect(path.max).toBe(11);
    const lastY = Number(path.line.split(',').pop());
    expect(lastY).toBeLessThan(25);
  });

  it('draws a single reading in the middle', () => {
    expect(chartPath([{ t: 5, mean: 1, min: 1, max: 1 }], 100, 50).line.startsWith('M50.0,')).toBe(true);
  });
});
