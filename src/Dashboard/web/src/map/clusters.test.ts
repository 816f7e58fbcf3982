import { describe, expect, it } from 'vitest';
import { clusterLabel, clusterRadius } from './clusters';

describe('cluster circles', () => {
  it('grow with the count but stay readable at both ends', () => {
    expect(clusterRadius(1)).toBe(12);
    expect(clusterRadius(100)).toBeGreaterThan(clusterRadius(10));
    expect(clusterRadius(100_000)).toBe(40);
    expect(clusterRadius(10_000_000)).toBe(40);
  });

  it('label large counts in thousands', () => {
    expect([clusterLabel(7), clusterLabel(950), clusterLabel(1234), clusterLabel(63_400)]).toEqual(['7', '950', '1.2k', '63k']);
  });
});
