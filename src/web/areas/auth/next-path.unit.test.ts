import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

describe('safeNextPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeNextPath('/admin')).toBe('/admin');
    expect(safeNextPath('/activate/abc_DEF-123')).toBe('/activate/abc_DEF-123');
    expect(safeNextPath('/app?tab=trips#latest')).toBe('/app?tab=trips#latest');
  });

  it('refuses anything that leaves the site or is not a path', () => {
    for (const value of [
      undefined,
      42,
      '',
      'admin',
      'https://evil.example/admin',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNextPath(value), String(value)).toBeUndefined();
    }
  });

  it('does not send a person back to the sign-in page', () => {
    expect(safeNextPath('/login')).toBeUndefined();
    expect(safeNextPath('/login?next=/admin')).toBeUndefined();
  });
});
