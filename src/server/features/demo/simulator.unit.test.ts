import { describe, expect, it } from 'vitest';
import { implausibility } from '../telemetry/plausibility.ts';
import { TelemetryEvent } from '../telemetry/schemas.ts';
import { alongRoute, DEMO_ROUTES, newSimulatedVehicle, simulateStep } from './simulator.ts';

/** A fixed sequence of dice, so a run is the same every time. */
function dice(seed = 7) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('demo simulator', () => {
  it('walks a route by distance and says when it ends', () => {
    const route = DEMO_ROUTES[0] ?? [];
    expect(alongRoute(route, 0).at).toEqual(route[0]);
    expect(alongRoute(route, 10_000)).toEqual({ at: route.at(-1), isAtEnd: true });
    const midway = alongRoute(route, 1);
    expect(midway.isAtEnd).toBe(false);
  });

  it('drives whole trips of valid, plausible events: ignition on, positions along a road, ignition off', () => {
    const random = dice();
    const start = Date.parse('2026-03-01T08:00:00Z');
    let car = newSimulatedVehicle('00000000-0000-4000-8000-000000000001', true, start, 0);
    const events = [];
    for (let tick = 0; tick < 2000; tick++) {
      const now = start + tick * 5000;
      const step = simulateStep(car, now, 5, random);
      car = step.car;
      events.push(...step.events);
      for (const event of step.events) {
        expect(TelemetryEvent.safeParse(event).success, JSON.stringify(event)).toBe(true);
        expect(implausibility(event, new Date(now))).toBeNull();
      }
    }
    const ignitions = events.filter((event) => event.type === 'ignition');
    expect(ignitions.length).toBeGreaterThanOrEqual(4);
    // On and off alternate: every trip ends before the next begins.
    ignitions.forEach((event, index) => {
      expect(event.type === 'ignition' && event.on).toBe(index % 2 === 0);
    });
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    const batteries = events.filter((event) => event.type === 'battery');
    expect(batteries.length).toBeGreaterThan(100);
    expect(events.some((event) => event.type === 'fuel')).toBe(false);
  });
});
