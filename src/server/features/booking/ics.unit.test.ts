import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarEvent, calendarText, escapeText, foldLine, formatUtc } from './ics.ts';
import { onlyProperty, readIcs, readUtcDateTime, unescapeText } from './ics-reader.ts';

const event: CalendarEvent = {
  uid: 'booking-0b6f3c1e-1111-4222-8333-944444444444@keyfob.test',
  sequence: 2,
  method: 'REQUEST',
  status: 'CONFIRMED',
  start: new Date('2026-03-30T06:00:00Z'),
  end: new Date('2026-03-30T07:30:00Z'),
  stamp: new Date('2026-03-20T10:11:12.345Z'),
  summary: 'Service hos Nørre Auto: DK 12 345 (Volvo XC40)',
  description: 'Oil change, brakes; tyres\nThe left rear tyre squeaks, a lot — ækvivalent ☃ test',
  location: 'Nørre Auto, Nørrebrogade 1, 2200 København N',
  url: 'http://keyfob.test/app/vehicles/1/bookings/2',
  organizer: { name: 'Nørre "Auto"', email: 'no-reply@keyfob.test' },
  attendee: { name: 'Dorte; Driver, Jr.', email: 'driver@example.test' },
};

describe('calendar entries (RFC 5545)', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescapeText(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });

  it('writes UTC times', () => {
    expect(formatUtc(new Date('2026-03-30T06:00:00.999Z'))).toBe('20260330T060000Z');
  });

  it('folds any line to 75 octets without splitting a character, and unfolds to the same', () => {
    fc.assert(
      // Characters of one to four UTF-8 octets, in any mix.
      fc.property(
        fc.array(fc.constantFrom('a', ' ', ';', 'æ', 'ø', '€', '☃', '😀'), { maxLength: 300 }),
        (chars) => {
          const text = chars.join('');
          const line = `DESCRIPTION:${text}`;
          const pieces = foldLine(line).split('\r\n');
          return (
            pieces.every((piece) => Buffer.byteLength(piece, 'utf8') <= 75) &&
            pieces.slice(1).every((piece) => piece.startsWith(' ')) &&
            pieces.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join('') === line
          );
        },
      ),
    );
  });

  it('makes a request that a strict reader parses back to what was put in', () => {
    const text = calendarText(event);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const [calendar, ...others] = readIcs(text);
    expect(others).toEqual([]);
    if (!calendar) throw new Error('no VCALENDAR');
    expect(calendar.name).toBe('VCALENDAR');
    expect(onlyProperty(calendar, 'VERSION').value).toBe('2.0');
    expect(onlyProperty(calendar, 'METHOD').value).toBe('REQUEST');
    expect(onlyProperty(calendar, 'PRODID').value).toContain('keyfob');
    const [vevent] = calendar.components;
    if (!vevent) throw new Error('no VEVENT');
    expect(vevent.name).toBe('VEVENT');
    expect(onlyProperty(vevent, 'UID').value).toBe(event.uid);
    expect(onlyProperty(vevent, 'SEQUENCE').value).toBe('2');
    expect(readUtcDateTime(onlyProperty(vevent, 'DTSTART').value)).toEqual(event.start);
    expect(readUtcDateTime(onlyProperty(vevent, 'DTEND').value)).toEqual(event.end);
    expect(readUtcDateTime(onlyProperty(vevent, 'DTSTAMP').value)).toEqual(new Date('2026-03-20T10:11:12Z'));
    expect(unescapeText(onlyProperty(vevent, 'SUMMARY').value)).toBe(event.summary);
    expect(unescapeText(onlyProperty(vevent, 'DESCRIPTION').value)).toBe(event.description);
    expect(unescapeText(onlyProperty(vevent, 'LOCATION').value)).toBe(event.location);
    expect(onlyProperty(vevent, 'STATUS').value).toBe('CONFIRMED');
    const organizer = onlyProperty(vevent, 'ORGANIZER');
    expect(organizer).toEqual({
      name: 'ORGANIZER',
      params: { CN: 'Nørre Auto' },
      value: 'mailto:no-reply@keyfob.test',
    });
    const attendee = onlyProperty(vevent, 'ATTENDEE');
    expect(attendee.params).toMatchObject({ CN: 'Dorte; Driver, Jr.', RSVP: 'FALSE' });
    expect(attendee.value).toBe('mailto:driver@example.test');
  });

  it('makes a cancellation of the same entry', () => {
    const [calendar] = readIcs(
      calendarText({ ...event, method: 'CANCEL', status: 'CANCELLED', sequence: 3 }),
    );
    if (!calendar) throw new Error('no VCALENDAR');
    expect(onlyProperty(calendar, 'METHOD').value).toBe('CANCEL');
    const [vevent] = calendar.components;
    if (!vevent) throw new Error('no VEVENT');
    expect(onlyProperty(vevent, 'STATUS').value).toBe('CANCELLED');
    expect(onlyProperty(vevent, 'UID').value).toBe(event.uid);
    expect(onlyProperty(vevent, 'SEQUENCE').value).toBe('3');
  });

  it('refuses malformed text', () => {
    expect(() => readIcs('BEGIN:VCALENDAR\nEND:VCALENDAR\n')).toThrow();
    expect(() => readIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n')).toThrow();
    expect(() => readIcs(`BEGIN:VCALENDAR\r\nX-LONG:${'x'.repeat(80)}\r\nEND:VCALENDAR\r\n`)).toThrow();
  });
});
