import { describe, expect, it } from 'vitest';
import {
  isValidPlate,
  isValidVin,
  latestModelYear,
  normalizePlate,
  normalizeVin,
} from './vehicle-form-checks.ts';

describe('the add-vehicle form checks, the same as the server', () => {
  it('accepts a 17-character VIN in any case, and never I, O or Q', () => {
    expect(isValidVin(' wvwzzz1jz3w386170 ')).toBe(true);
    expect(normalizeVin(' wvwzzz1jz3w386170 ')).toBe('WVWZZZ1JZ3W386170');
    for (const letter of ['I', 'O', 'Q']) expect(isValidVin(`WVWZZZ1JZ3W38617${letter}`)).toBe(false);
    expect(isValidVin('WVWZZZ1JZ3W38617')).toBe(false);
    expect(isValidVin('WVWZZZ1JZ3W3861700')).toBe(false);
    expect(isValidVin('WVWZZZ1JZ3W38617-')).toBe(false);
  });

  it('takes plates with Danish letters, spaces and dashes, up to 15 characters', () => {
    expect(normalizePlate('  ab   12 345 ')).toBe('AB 12 345');
    expect(isValidPlate('ab 12 345')).toBe(true);
    expect(isValidPlate('ÆØ-123')).toBe(true);
    expect(isValidPlate('-AB 123')).toBe(false);
    expect(isValidPlate('A'.repeat(16))).toBe(false);
    expect(isValidPlate('AB_123')).toBe(false);
  });

  it("allows next year's models", () => {
    expect(latestModelYear(new Date('2026-06-01T00:00:00Z'))).toBe(2027);
  });
});
