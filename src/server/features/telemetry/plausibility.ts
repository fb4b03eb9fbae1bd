import type { RejectionReason, TelemetryEvent } from './schemas.ts';

/** A device clock may run a little fast; more than this ahead of ours is a broken clock. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Older than this is not late delivery but a broken clock (or a replay). */
export const OLDEST_ACCEPTED_MS = 366 * 24 * 60 * 60 * 1000;
const MAX_SPEED_KMH = 400;
const MAX_ODOMETER_KM = 5_000_000;

/** Why an event that has the right shape still cannot be true, or null when it can. */
export function implausibility(event: TelemetryEvent, now: Date): RejectionReason | null {
  const at = Date.parse(event.ts);
  if (at > now.getTime() + FUTURE_TOLERANCE_MS) return 'in_the_future';
  if (at < now.getTime() - OLDEST_ACCEPTED_MS) return 'too_old';
  switch (event.type) {
    case 'position':
      if (Math.abs(event.lat) > 90 || Math.abs(event.lon) > 180) return 'position_out_of_range';
      if (event.speedKmh !== undefined && (event.speedKmh < 0 || event.speedKmh > MAX_SPEED_KMH))
        return 'speed_out_of_range';
      if (event.heading !== undefined && (event.heading < 0 || event.heading >= 360))
        return 'heading_out_of_range';
      return null;
    case 'fuel':
    case 'battery':
      return event.percent < 0 || event.percent > 100 ? 'percent_out_of_range' : null;
    case 'odometer':
      return event.km < 0 || event.km > MAX_ODOMETER_KM ? 'odometer_out_of_range' : null;
    default:
      return null;
  }
}
