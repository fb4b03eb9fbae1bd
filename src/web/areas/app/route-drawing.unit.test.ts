import { describe, expect, it } from 'vitest';
import { fitRoute, polylinePoints } from './route-drawing.ts';

const box = { width: 300, height: 200, padding: 10 };

describe('fitRoute', () => {
  it('draws nothing for a route without points', () => {
    expect(fitRoute([], box)).toEqual([]);
  });

  it('puts a route that never moves in the middle', () => {
    const still = { lat: 55.6761, lon: 12.5683 };
    expect(fitRoute([still, still], box)).toEqual([
      { x: 150, y: 100 },
      { x: 150, y: 100 },
    ]);
  });

  it('keeps north up and fills the height of a route going north', () => {
    const [south, north] = fitRoute(
      [
        { lat: 55.6, lon: 12.5 },
        { lat: 55.7, lon: 12.5 },
      ],
      box,
    );
    expect(south).toEqual({ x: 150, y: 190 });
    expect(north).toEqual({ x: 150, y: 10 });
  });

  it('fills the width of a route going east, centred in the height', () => {
    const [west, east] = fitRoute(
      [
        { lat: 55.6, lon: 12.5 },
        { lat: 55.6, lon: 12.6 },
      ],
      box,
    );
    expect(west).toEqual({ x: 10, y: 100 });
    expect(east).toEqual({ x: 290, y: 100 });
  });

  it('keeps the shape: a degree of longitude counts less far from the equator', () => {
    // At 60° north a degree of longitude is half as long as one of latitude.
    const points = fitRoute(
      [
        { lat: 60, lon: 10 },
        { lat: 60.1, lon: 10.2 },
      ],
      { width: 1000, height: 1000, padding: 0 },
    );
    const [first, last] = points;
    if (!first || !last) throw new Error('two points expected');
    const width = Math.abs(last.x - first.x);
    const height = Math.abs(last.y - first.y);
    expect(width / height).toBeCloseTo(1, 1);
  });

  it('stays inside the box, padding included', () => {
    const route = Array.from({ length: 50 }, (_, i) => ({
      lat: 55.6 + Math.sin(i / 5) * 0.05,
      lon: 12.5 + i * 0.003,
    }));
    for (const point of fitRoute(route, box)) {
      expect(point.x).toBeGreaterThanOrEqual(10);
      expect(point.x).toBeLessThanOrEqual(290);
      expect(point.y).toBeGreaterThanOrEqual(10);
      expect(point.y).toBeLessThanOrEqual(190);
    }
  });
});

describe('polylinePoints', () => {
  it('lists x,y pairs separated by spaces', () => {
    expect(
      polylinePoints([
        { x: 1, y: 2 },
        { x: 3.5, y: 4 },
      ]),
    ).toBe('1,2 3.5,4');
  });
});
