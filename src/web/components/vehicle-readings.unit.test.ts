import { describe, expect, it } from 'vitest';
import { isKnownAlarmCode, lastUpdateOf, readableAlarmCode } from './vehicle-readings.ts';

describe('lastUpdateOf', () => {
  it('is undefined before the first report', () => {
    expect(lastUpdateOf({})).toBeUndefined();
    expect(lastUpdateOf({ positionHidden: 'limited_sharing' })).toBeUndefined();
  });

  it('is the newest reading, by time rather than by text', () => {
    expect(
      lastUpdateOf({
        fuel: { percent: 40, at: '2026-03-01T09:00:00Z' },
        odometer: { km: 100, at: '2026-03-01T10:00:00+02:00' },
        ignition: { on: true, at: '2026-03-01T08:30:00.000Z' },
      }),
    ).toBe('2026-03-01T09:00:00Z');
  });
});

describe('alarm codes', () => {
  it('knows the common warning lights', () => {
    expect(isKnownAlarmCode('oil_pressure')).toBe(true);
    expect(isKnownAlarmCode('toString')).toBe(false);
  });

  it('makes other codes readable', () => {
    expect(readableAlarmCode('fuel_filter')).toBe('Fuel filter');
    expect(readableAlarmCode('x')).toBe('X');
  });
});
