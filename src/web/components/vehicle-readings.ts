import type { VehicleStatus } from '../api/telemetry.ts';

/**
 * When the car's device last reported anything this reader may see: the newest of the readings'
 * times, or undefined before the first report.
 */
export function lastUpdateOf(status: VehicleStatus): string | undefined {
  const times = [status.position, status.ignition, status.odometer, status.fuel, status.battery]
    .map((reading) => reading?.at)
    .filter((at) => at !== undefined);
  let latest: string | undefined;
  for (const at of times) {
    if (latest === undefined || Date.parse(at) > Date.parse(latest)) latest = at;
  }
  return latest;
}

/** The warning lights keyfob has words for; devices may send others (SPEC §8: "e.g."). */
export const KNOWN_ALARM_CODES = [
  'engine',
  'oil_pressure',
  'brake',
  'tpms',
  'battery',
  'coolant',
  'airbag',
  'abs',
] as const;
export type KnownAlarmCode = (typeof KNOWN_ALARM_CODES)[number];

export function isKnownAlarmCode(code: string): code is KnownAlarmCode {
  return (KNOWN_ALARM_CODES as readonly string[]).includes(code);
}

/** A code keyfob has no words for, made readable: `fuel_filter` → "Fuel filter". */
export function readableAlarmCode(code: string): string {
  const words = code.replace(/_+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
