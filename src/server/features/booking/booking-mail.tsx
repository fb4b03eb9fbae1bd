import { renderToStaticMarkup } from 'react-dom/server';
import type { BookingAction } from '../../../shared/booking.ts';
import type { Language } from '../../../shared/roles.ts';
import type { OutgoingMail } from '../mail/outbox.ts';

interface Said {
  car: string;
  workshop: string;
  who: string;
  when: string;
  /** For a proposal: the time that was asked for. */
  asked: string;
  reason: string;
}

const TEXTS = {
  en: {
    subject: {
      requested: (s: Said) => `Service booking requested: ${s.car}, ${s.when}`,
      confirmed: (s: Said) => `Service booking confirmed: ${s.car}, ${s.when}`,
      declined: (s: Said) => `Service booking declined: ${s.car}`,
      proposed: (s: Said) => `${s.workshop} proposes another time: ${s.when}`,
      accepted: (s: Said) => `Service booking confirmed: ${s.car}, ${s.when}`,
      rejected: (s: Said) => `Proposed time rejected: ${s.car}`,
      cancelled: (s: Said) => `Service booking cancelled: ${s.car}, ${s.when}`,
    },
    intro: {
      requested: (s: Said) =>
        `${s.who} asked ${s.workshop} for a service appointment for ${s.car} at ${s.when}. The workshop will confirm it or propose another time.`,
      confirmed: (s: Said) => `${s.workshop} confirmed the service appointment for ${s.car} at ${s.when}.`,
      declined: (s: Said) =>
        `${s.workshop} declined the service appointment for ${s.car} at ${s.when}. Reason: ${s.reason}`,
      proposed: (s: Said) =>
        `${s.workshop} cannot take ${s.car} at ${s.asked} and proposes ${s.when} instead. Accept or reject it in the app.`,
      accepted: (s: Said) =>
        `${s.who} accepted the time ${s.workshop} proposed. The service appointment for ${s.car} is confirmed for ${s.when}.`,
      rejected: (s: Said) =>
        `${s.who} rejected the time ${s.workshop} proposed (${s.when}), so the booking for ${s.car} is cancelled. Book another time in the app.`,
      cancelled: (s: Said) => `${s.who} cancelled the service appointment for ${s.car} at ${s.when}.`,
    } satisfies Record<BookingAction, (s: Said) => string>,
    calendar: 'The attached calendar entry adds or updates the appointment in your calendar.',
    calendarCancel: 'The attached calendar entry removes the appointment from your calendar.',
    open: 'Open the booking',
    preferencesAfter: 'You can choose which mails you get under More › Notifications in the app.',
    footer: 'keyfob: the right access to the right car.',
    summary: (workshop: string, car: string) => `Service at ${workshop}: ${car}`,
  },
  da: {
    subject: {
      requested: (s: Said) => `Servicebooking anmodet: ${s.car}, ${s.when}`,
      confirmed: (s: Said) => `Servicebooking bekræftet: ${s.car}, ${s.when}`,
      declined: (s: Said) => `Servicebooking afvist: ${s.car}`,
      proposed: (s: Said) => `${s.workshop} foreslår et andet tidspunkt: ${s.when}`,
      accepted: (s: Said) => `Servicebooking bekræftet: ${s.car}, ${s.when}`,
      rejected: (s: Said) => `Foreslået tidspunkt afvist: ${s.car}`,
      cancelled: (s: Said) => `Servicebooking aflyst: ${s.car}, ${s.when}`,
    },
    intro: {
      requested: (s: Said) =>
        `${s.who} har bedt ${s.workshop} om en servicetid til ${s.car} ${s.when}. Værkstedet bekræfter den eller foreslår et andet tidspunkt.`,
      confirmed: (s: Said) => `${s.workshop} har bekræftet servicetiden til ${s.car} ${s.when}.`,
      declined: (s: Said) =>
        `${s.workshop} har afvist servicetiden til ${s.car} ${s.when}. Begrundelse: ${s.reason}`,
      proposed: (s: Said) =>
        `${s.workshop} kan ikke tage ${s.car} ${s.asked} og foreslår i stedet ${s.when}. Accepter eller afvis forslaget i appen.`,
      accepted: (s: Said) =>
        `${s.who} har accepteret tidspunktet, som ${s.workshop} foreslog. Servicetiden til ${s.car} er bekræftet ${s.when}.`,
      rejected: (s: Said) =>
        `${s.who} har afvist tidspunktet, som ${s.workshop} foreslog (${s.when}), så bookingen til ${s.car} er aflyst. Book en anden tid i appen.`,
      cancelled: (s: Said) => `${s.who} har aflyst servicetiden til ${s.car} ${s.when}.`,
    } satisfies Record<BookingAction, (s: Said) => string>,
    calendar: 'Den vedhæftede kalenderpost tilføjer eller opdaterer aftalen i din kalender.',
    calendarCancel: 'Den vedhæftede kalenderpost fjerner aftalen fra din kalender.',
    open: 'Åbn bookingen',
    preferencesAfter: 'Du kan vælge, hvilke mails du får, under Mere › Notifikationer i appen.',
    footer: 'keyfob: den rette adgang til den rette bil.',
    summary: (workshop: string, car: string) => `Service hos ${workshop}: ${car}`,
  },
} satisfies Record<Language, unknown>;

/** The calendar entry's title, in the recipient's language. */
export function calendarSummary(language: Language, workshop: string, car: string): string {
  return TEXTS[language].summary(workshop, car);
}

/** An appointment time as the recipient reads it: at the workshop, with the zone's name. */
export function formatAppointment(at: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

export interface BookingMailInput {
  to: string;
  language: Language;
  action: BookingAction;
  car: string;
  workshopName: string;
  changedByName: string;
  timeZone: string;
  /** The time the change is about: the proposal's for `proposed`. */
  start: Date;
  /** For `proposed`: the time that was asked for. */
  askedStart: Date;
  reason: string | null;
  link: string;
  /** The `.ics` text, and whether it cancels the entry. */
  calendar: { text: string; isCancel: boolean };
}

/** The mail to the booker or the primary about one change of a booking, with its calendar entry. */
export function bookingMail(input: BookingMailInput): OutgoingMail {
  const t = TEXTS[input.language];
  const said: Said = {
    car: input.car,
    workshop: input.workshopName,
    who: input.changedByName,
    when: formatAppointment(input.start, input.language, input.timeZone),
    asked: formatAppointment(input.askedStart, input.language, input.timeZone),
    reason: input.reason ?? '',
  };
  const intro = t.intro[input.action](said);
  const calendarLine = input.calendar.isCancel ? t.calendarCancel : t.calendar;
  const method = input.calendar.isCancel ? 'CANCEL' : 'REQUEST';
  return {
    to: input.to,
    topic: `booking:${input.action}`,
    subject: t.subject[input.action](said),
    text: [intro, '', `${t.open}: ${input.link}`, '', calendarLine, t.preferencesAfter, '', t.footer].join(
      '\n',
    ),
    html: `<!doctype html>${renderToStaticMarkup(
      <html lang={input.language}>
        <body style={{ fontFamily: 'Arial, sans-serif', color: '#1a1a1a', lineHeight: 1.5 }}>
          <p>{intro}</p>
          <p>
            <a
              href={input.link}
              style={{
                background: '#1864ab',
                color: '#ffffff',
                padding: '10px 16px',
                borderRadius: 4,
                textDecoration: 'none',
              }}
            >
              {t.open}
            </a>
          </p>
          <p>
            {calendarLine} {t.preferencesAfter}
          </p>
          <p style={{ fontSize: 12, color: '#555555' }}>{t.footer}</p>
        </body>
      </html>,
    )}`,
    attachments: [
      {
        filename: 'booking.ics',
        contentType: `text/calendar; charset=utf-8; method=${method}`,
        content: input.calendar.text,
      },
    ],
  };
}
