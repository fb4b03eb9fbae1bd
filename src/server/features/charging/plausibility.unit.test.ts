import { describe, expect, it } from 'vitest';
import { meterNonsense } from './plausibility.ts';
import type { ChargingSessionInput } from './schemas.ts';

const NOW = new Date('2026-03-01T09:00:00Z');
const session = (overrides: Partial<ChargingSessionInput> = {}): ChargingSessionInput => ({
  id: 's-1',
  accountId: 'a',
  chargerId: 'c',
  private: true,
  startedAt: '2026-02-20T18:00:00Z',
  endedAt: '2026-02-20T20:00:00Z',
  energyWh: 22_000,
  ...overrides,
});

describe('meter nonsense', () => {
  it('accepts a plausible session, an empty one, and a zero-length empty one', () => {
    expect(meterNonsense(session(), NOW)).toBeNull();
    expect(meterNonsense(session({ energyWh: 0 }), NOW)).toBeNull();
    expect(meterNonsense(session({ endedAt: '2026-02-20T18:00:00Z', energyWh: 0 }), NOW)).toBeNull();
  });

  it('refuses each kind of nonsense with its reason', () => {
    expect(meterNonsense(session({ endedAt: '2026-02-20T17:59:59Z' }), NOW)).toBe('ended_before_started');
    expect(meterNonsense(session({ endedAt: '2026-03-01T09:06:00Z' }), NOW)).toBe('ended_in_future');
    expect(meterNonsense(session({ energyWh: -1 }), NOW)).toBe('energy_negative');
    expect(meterNonsense(session({ energyWh: 1.5 }), NOW)).toBe('energy_not_whole_wh');
    expect(meterNonsense(session({ energyWh: 1_000_001 }), NOW)).toBe('energy_absurd');
    // 100 kWh in one minute is 6 MW.
    expect(meterNonsense(session({ startedAt: '2026-02-20T19:59:00Z', energyWh: 100_000 }), NOW)).toBe(
      'energy_absurd',
    );
    expect(meterNonsense(session({ endedAt: '2026-02-20T18:00:00Z', energyWh: 1 }), NOW)).toBe(
      'energy_absurd',
    );
  });

  it('allows a clock a little fast, and a megawatt charger', () => {
    expect(meterNonsense(session({ endedAt: '2026-03-01T09:04:00Z' }), NOW)).toBeNull();
    // 1,000 kWh in one hour is exactly 1 MW.
    expect(
      meterNonsense(session({ startedAt: '2026-02-20T19:00:00Z', energyWh: 1_000_000 }), NOW),
    ).toBeNull();
  });
});
