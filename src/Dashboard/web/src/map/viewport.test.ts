import { describe, expect, it } from 'vitest';
import { fleetBounds, sameViewport, viewportRequest, wrapLongitude } from './viewport';

describe('longitudes', () => {
  it('wrap into [-180, 180]', () => {
    expect(wrapLongitude(190)).toBe(-170);
    expect(wrapLongitude(-190)).toBe(170);
    expect(wrapLongitude(540)).toBe(180);
    expect(wrapLongitude(121.5)).toBe(121.5);
  });
});

describe('the viewport request', () => {
  it('asks for the whole world when the view spans more than 360 degrees', () => {
    const request = viewportRequest({ west: -300, south: -85, east: 300, north: 85 }, 0.4);
    expect(request).toMatchObject({ west: -180, east: 180, south: -85, north: 85, zoom: 0.4 });
  });

  it('keeps west greater than east across the antimeridian', () => {
    const request = viewportRequest({ west: 170, south: -20, east: 190, north: 10 }, 5);
    expect(request.west).toBe(170);
    expect(request.east).toBe(-170);
  });

  it('sends filters only when some are chosen', () => {
    expect(viewportRequest({ west: 0, south: 0, east: 1, north: 1 }, 3, { severity: [] })).not.toHaveProperty('severity');
    expect(viewportRequest({ west: 0, south: 0, east: 1, north: 1 }, 3, { severity: ['critical'] }).severity).toEqual(['critical']);
  });

  it('is the same when nothing but rounding changed', () => {
    const a = viewportRequest({ west: 0, south: 0, east: 1, north: 1 }, 3.01);
    const b = viewportRequest({ west: 0, south: 0, east: 1, north: 1 }, 2.99);
    expect(sameViewport(a, b)).toBe(true);
    expect(sameViewport(a, viewportRequest({ west: 0, south: 0, east: 2, north: 1 }, 3))).toBe(false);
  });
});

describe('the fleet\'s bounds', () => {
  it('box every point a snapshot drew', () => {
    expect(fleetBounds([{ lat: 31.2, lon: 121.5 }, { lat: 39.9, lon: 116.4 }, { lat: 22.5, lon: 114.1 }])).toEqual({ west: 114.1, south: 22.5, east: 121.5, north: 39.9 });
  });

  it('are unknown for an empty snapshot', () => {
    expect(fleetBounds([])).toBeUndefined();
  });
});
