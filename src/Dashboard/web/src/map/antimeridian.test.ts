import { describe, expect, it } from 'vitest';
import { continuousRing } from './antimeridian';

describe('rings cut at the antimeridian', () => {
  it('become continuous so no edge crosses the world', () => {
    const ring = [
      [179, 65],
      [-180, 66],
      [-179, 65],
      [179.5, 64],
      [179, 65],
    ];
    const fixed = continuousRing(ring);
    expect(fixed.map((p) => p[0])).toEqual([179, 180, 181, 179.5, 179]);
  });

  it('are left alone when they do not cross', () => {
    const ring = [
      [10, 0],
      [11, 0],
      [10, 1],
      [10, 0],
    ];
    expect(continuousRing(ring)).toBe(ring);
  });

  it('are left alone around a pole, where no shift closes them', () => {
    const ring = [
      [-180, -90],
      [-90, -80],
      [0, -80],
      [90, -80],
      [180, -80],
      [-180, -90],
    ];
    expect(continuousRing(ring)).toBe(ring);
  });
});
