import { inArray } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { vehicles } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { ingestTelemetry } from '../telemetry/ingest.ts';
import type { TelemetryEvent } from '../telemetry/schemas.ts';
import { announceWarningLights } from '../telemetry/warning-light-alerts.ts';

type LatLon = readonly [number, number];

/** Drives in and around Copenhagen, along the main roads, as waypoints. */
export const DEMO_ROUTES: readonly (readonly LatLon[])[] = [
  // Nørrebro -> Christianshavn -> Amager
  [
    [55.695, 12.549],
    [55.6867, 12.57],
    [55.6761, 12.5683],
    [55.6716, 12.5921],
    [55.6652, 12.6003],
    [55.65, 12.6071],
    [55.64, 12.6113],
  ],
  // Frederiksberg -> Lyngby along Lyngby Hovedgade
  [
    [55.6786, 12.532],
    [55.693, 12.523],
    [55.71, 12.518],
    [55.73, 12.51],
    [55.75, 12.505],
    [55.7704, 12.5035],
  ],
  // Valby -> Kastrup airport
  [
    [55.66, 12.51],
    [55.655, 12.54],
    [55.6512, 12.5702],
    [55.6422, 12.6003],
    [55.6301, 12.6398],
    [55.6181, 12.6503],
  ],
];

const WARNING_LIGHTS = ['tpms', 'engine', 'oil_pressure', 'brake'] as const;

export interface SimulatedVehicle {
  vehicleId: string;
  isElectric: boolean;
  phase: 'parked' | 'driving';
  /** Parked: when to set off. */
  departAt: number;
  route: number;
  /** Driving: how far along the route, in km. */
  travelledKm: number;
  speedKmh: number;
  odometerKm: number;
  /** Fuel or battery, percent. */
  energy: number;
  lightOn: string | null;
  position: LatLon;
  sequence: number;
}

export function newSimulatedVehicle(
  vehicleId: string,
  isElectric: boolean,
  now: number,
  index: number,
): SimulatedVehicle {
  const route = DEMO_ROUTES[index % DEMO_ROUTES.length] ?? [];
  return {
    vehicleId,
    isElectric,
    phase: 'parked',
    departAt: now + index * 20_000,
    route: index % DEMO_ROUTES.length,
    travelledKm: 0,
    speedKmh: 45,
    odometerKm: 18_000 + index * 7_345,
    energy: 80 - index * 10,
    lightOn: null,
    position: route[0] ?? [55.6761, 12.5683],
    sequence: 0,
  };
}

function legKm([lat1, lon1]: LatLon, [lat2, lon2]: LatLon): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

/** The point `km` along a polyline, and whether the polyline ended before it. */
export function alongRoute(route: readonly LatLon[], km: number): { at: LatLon; isAtEnd: boolean } {
  let left = km;
  for (let i = 1; i < route.length; i++) {
    const from = route[i - 1] as LatLon;
    const to = route[i] as LatLon;
    const leg = legKm(from, to);
    if (left <= leg) {
      const share = leg === 0 ? 0 : left / leg;
      return {
        at: [from[0] + (to[0] - from[0]) * share, from[1] + (to[1] - from[1]) * share],
        isAtEnd: false,
      };
    }
    left -= leg;
  }
  return { at: route.at(-1) ?? [0, 0], isAtEnd: true };
}

/**
 * One step of a simulated car: parked until it sets off, then driving a route at city speeds,
 * using fuel or battery, sometimes showing a warning light for a while. Pure, for tests: the
 * caller gives the time and the dice.
 */
export function simulateStep(
  car: SimulatedVehicle,
  now: number,
  elapsedS: number,
  random: () => number,
): { car: SimulatedVehicle; events: TelemetryEvent[] } {
  const next = { ...car };
  const events: TelemetryEvent[] = [];
  const ts = new Date(now).toISOString();
  const id = () => `sim-${car.vehicleId.slice(0, 8)}-${now}-${next.sequence++}`;
  const energyEvent = (): TelemetryEvent =>
    next.isElectric
      ? { id: id(), type: 'battery', ts, percent: Math.round(next.energy * 10) / 10 }
      : { id: id(), type: 'fuel', ts, percent: Math.round(next.energy * 10) / 10 };

  if (next.phase === 'parked') {
    if (now < next.departAt) return { car: next, events };
    next.phase = 'driving';
    next.route = (next.route + 1) % DEMO_ROUTES.length;
    next.travelledKm = 0;
    next.speedKmh = 35 + random() * 30;
    const start = DEMO_ROUTES[next.route]?.[0] ?? next.position;
    next.position = start;
    events.push({ id: id(), type: 'ignition', ts, on: true });
    events.push({ id: id(), type: 'position', ts, lat: start[0], lon: start[1], speedKmh: 0 });
    // Now and then a light comes on at start-up, and goes off at the next start.
    if (next.lightOn) {
      events.push({ id: id(), type: 'warning_light', ts, code: next.lightOn, on: false });
      next.lightOn = null;
    } else if (random() < 0.25) {
      next.lightOn = WARNING_LIGHTS[Math.floor(random() * WARNING_LIGHTS.length)] ?? 'tpms';
      events.push({ id: id(), type: 'warning_light', ts, code: next.lightOn, on: true });
    }
    return { car: next, events };
  }

  const route = DEMO_ROUTES[next.route] ?? [];
  const stepKm = (next.speedKmh * elapsedS) / 3600;
  next.travelledKm += stepKm;
  next.odometerKm += stepKm;
  next.energy = Math.max(5, next.energy - stepKm * (next.isElectric ? 0.18 : 0.12));
  next.speedKmh = Math.min(80, Math.max(20, next.speedKmh + (random() - 0.5) * 10));
  const { at, isAtEnd } = alongRoute(route, next.travelledKm);
  next.position = at;
  events.push({
    id: id(),
    type: 'position',
    ts,
    lat: Math.round(at[0] * 1e6) / 1e6,
    lon: Math.round(at[1] * 1e6) / 1e6,
    speedKmh: isAtEnd ? 0 : Math.round(next.speedKmh),
  });
  events.push({ id: id(), type: 'odometer', ts, km: Math.round(next.odometerKm * 10) / 10 });
  events.push(energyEvent());
  if (isAtEnd) {
    events.push({ id: id(), type: 'ignition', ts, on: false });
    next.phase = 'parked';
    // Refuel or recharge when low, then rest two to five minutes.
    if (next.energy < 25) next.energy = 95;
    next.departAt = now + 120_000 + random() * 180_000;
  }
  return { car: next, events };
}

/**
 * Drives the demo vehicles (those with the given VINs) while the demo runs, feeding their events
 * through the same ingest as real devices.
 */
export async function startSimulator(options: {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  vins: readonly string[];
  /** Where the mails of warning lights coming on link to. */
  publicUrl: string;
  tickMs?: number;
}): Promise<{ stop(): void }> {
  const tickMs = options.tickMs ?? 5000;
  const found = await options.db
    .select({ id: vehicles.id, fuelType: vehicles.fuelType })
    .from(vehicles)
    .where(inArray(vehicles.vin, [...options.vins]));
  let cars = found.map((vehicle, index) =>
    newSimulatedVehicle(vehicle.id, vehicle.fuelType === 'electric', options.clock.now().getTime(), index),
  );
  let isRunning = false;
  const timer = setInterval(async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const now = options.clock.now().getTime();
      const stepped = cars.map((car) => simulateStep(car, now, tickMs / 1000, Math.random));
      cars = stepped.map((step) => step.car);
      for (const step of stepped) {
        if (step.events.length === 0) continue;
        await ingestTelemetry(options.db, step.car.vehicleId, step.events, new Date(now));
        await announceWarningLights(options.db, step.car.vehicleId, step.events, {
          now: new Date(now),
          publicUrl: options.publicUrl,
        });
      }
    } catch (error) {
      options.log.warn({ err: error }, 'demo simulator step failed');
    } finally {
      isRunning = false;
    }
  }, tickMs);
  timer.unref();
  options.log.info({ vehicles: cars.length }, 'demo simulator driving');
  return { stop: () => clearInterval(timer) };
}
