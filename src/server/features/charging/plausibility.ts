import type { ChargingSessionInput, SessionRefusal } from './schemas.ts';

/** A back end's clock may run a little fast; a session ending further ahead has not ended. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** More than this in one session is no car's battery: 1,000 kWh. */
export const MAX_SESSION_WH = 1_000_000;
/** Faster than this is no charger: 1 MW on average over the session (megawatt truck chargers). */
export const MAX_AVERAGE_POWER_W = 1_000_000;

/**
 * Why a session of the right shape still cannot be true (meter nonsense), or null when it can.
 * Whether its account and user exist is asked of the database afterwards.
 */
export function meterNonsense(session: ChargingSessionInput, now: Date): SessionRefusal | null {
  const startedAt = Date.parse(session.startedAt);
  const endedAt = Date.parse(session.endedAt);
  if (endedAt < startedAt) return 'ended_before_started';
  if (endedAt > now.getTime() + FUTURE_TOLERANCE_MS) return 'ended_in_future';
  if (session.energyWh < 0) return 'energy_negative';
  if (!Number.isInteger(session.energyWh)) return 'energy_not_whole_wh';
  if (session.energyWh > MAX_SESSION_WH) return 'energy_absurd';
  // Average power in W = Wh × 3,600,000 / duration in ms; compared without dividing by zero.
  if (session.energyWh * 3_600_000 > MAX_AVERAGE_POWER_W * (endedAt - startedAt)) return 'energy_absurd';
  return null;
}
