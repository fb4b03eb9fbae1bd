import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('CSV', () => {
  it('quotes what needs quoting, doubles quotes, ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', null],
          [1.5, '12.30'],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n1.5,12.30\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(toCsv(['v'], [['=HYPERLINK("x")'], ['+1'], ['@SUM(A1)'], ['-3.50'], ['-x']])).toBe(
      `v\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'@SUM(A1)\r\n-3.50\r\n'-x\r\n`,
    );
  });
});
