import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../../shared/roles.ts';
import type { Notice } from '../notifications/notifications.ts';
import type { OutgoingMail } from './outbox.ts';

// Mail shows times in the product's home time zone: recipients read them as local time.
const MAIL_TIME_ZONE = 'Europe/Copenhagen';

function formatTime(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: MAIL_TIME_ZONE,
    timeZoneName: 'short',
  }).format(at);
}

const TEXTS = {
  en: {
    invitationSubject: (inviter: string) => `${inviter} invited you to keyfob`,
    invitationIntro: (inviter: string, what: string) => `${inviter} invited you to ${what} on keyfob.`,
    invitationAction: 'Activate your access',
    invitationExpires: (when: string) =>
      `The link works once and until ${when}. If it has expired, ask the person who invited you to send a new one.`,
    resetSubject: 'Reset your keyfob password',
    resetIntro: 'Someone, probably you, asked to reset the password of your keyfob account.',
    resetAction: 'Choose a new password',
    resetExpires: (when: string) =>
      `The link works once and until ${when}. If you did not ask for this, you can ignore this mail.`,
    removedSubject: 'Your access to a car in keyfob has ended',
    removedIntro: (car: string) =>
      `The workshop removed the primary user of ${car}, so every user of the car has lost access to it, you included.`,
    removedAfter: 'If this is a mistake, contact the workshop.',
    warningSubject: (car: string, light: string) => `Warning light on in ${car}: ${light}`,
    warningIntro: (car: string, light: string, when: string) =>
      `The ${light} warning light of ${car} came on at ${when}.`,
    warningAfter: 'If it stays on, book a visit to the workshop from the app.',
    maintenanceSubject: (car: string) => `Service due for ${car}`,
    maintenanceIntro: (workshop: string, car: string) => `${workshop} says ${car} is due for service.`,
    maintenanceDueDate: (date: string) => `Due by ${date}.`,
    maintenanceDueMileage: (km: string) => `Due at ${km} km.`,
    maintenanceNote: (note: string) => `Note from the workshop: ${note}`,
    maintenanceAfter: 'You can book the service in the app.',
    chatSubject: (car: string, count: number) =>
      count === 1 ? `A new message about ${car}` : `${count} new messages about ${car}`,
    chatIntro: (car: string) => `There are messages you have not read in the conversation about ${car}:`,
    chatMore: (count: number) => `… and ${count} more.`,
    openNotices: 'Open keyfob',
    openChat: 'Open the conversation',
    preferencesAfter: 'You can choose which mails you get under More › Notifications in the app.',
    footer: 'keyfob: the right access to the right car.',
  },
  da: {
    invitationSubject: (inviter: string) => `${inviter} har inviteret dig til keyfob`,
    invitationIntro: (inviter: string, what: string) => `${inviter} har inviteret dig til ${what} på keyfob.`,
    invitationAction: 'Aktivér din adgang',
    invitationExpires: (when: string) =>
      `Linket virker én gang og indtil ${when}. Er det udløbet, så bed den, der inviterede dig, om at sende et nyt.`,
    resetSubject: 'Nulstil din adgangskode til keyfob',
    resetIntro: 'Nogen, sandsynligvis dig, har bedt om at nulstille adgangskoden til din keyfob-konto.',
    resetAction: 'Vælg en ny adgangskode',
    resetExpires: (when: string) =>
      `Linket virker én gang og indtil ${when}. Har du ikke bedt om det, kan du se bort fra denne mail.`,
    removedSubject: 'Din adgang til en bil i keyfob er ophørt',
    removedIntro: (car: string) =>
      `Værkstedet har fjernet den primære bruger af ${car}, så alle bilens brugere har mistet adgangen til den, også dig.`,
    removedAfter: 'Er det en fejl, så kontakt værkstedet.',
    warningSubject: (car: string, light: string) => `Advarselslampe tændt i ${car}: ${light}`,
    warningIntro: (car: string, light: string, when: string) =>
      `Advarselslampen ${light} i ${car} tændte ${when}.`,
    warningAfter: 'Bliver den ved med at lyse, så book et besøg på værkstedet i appen.',
    maintenanceSubject: (car: string) => `Tid til service på ${car}`,
    maintenanceIntro: (workshop: string, car: string) => `${workshop} meddeler, at ${car} skal til service.`,
    maintenanceDueDate: (date: string) => `Senest ${date}.`,
    maintenanceDueMileage: (km: string) => `Ved ${km} km.`,
    maintenanceNote: (note: string) => `Besked fra værkstedet: ${note}`,
    maintenanceAfter: 'Du kan booke service i appen.',
    chatSubject: (car: string, count: number) =>
      count === 1 ? `En ny besked om ${car}` : `${count} nye beskeder om ${car}`,
    chatIntro: (car: string) => `Der er beskeder, du ikke har læst, i samtalen om ${car}:`,
    chatMore: (count: number) => `… og ${count} mere.`,
    openNotices: 'Åbn keyfob',
    openChat: 'Åbn samtalen',
    preferencesAfter: 'Du kan vælge, hvilke mails du får, under Mere › Notifikationer i appen.',
    footer: 'keyfob: den rette adgang til den rette bil.',
  },
} satisfies Record<Language, unknown>;

function MailLayout(props: {
  lang: Language;
  paragraphs: string[];
  action: string;
  link: string;
  after: string;
}) {
  const footer = TEXTS[props.lang].footer;
  return (
    <html lang={props.lang}>
      <body style={{ fontFamily: 'Arial, sans-serif', color: '#1a1a1a', lineHeight: 1.5 }}>
        {props.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>
          <a
            href={props.link}
            style={{
              background: '#1864ab',
              color: '#ffffff',
              padding: '10px 16px',
              borderRadius: 4,
              textDecoration: 'none',
            }}
          >
            {props.action}
          </a>
        </p>
        <p style={{ fontSize: 14 }}>{props.link}</p>
        <p>{props.after}</p>
        <p style={{ fontSize: 12, color: '#555555' }}>{footer}</p>
      </body>
    </html>
  );
}

function renderHtml(element: React.ReactElement): string {
  return `<!doctype html>${renderToStaticMarkup(element)}`;
}

export interface InvitationMailInput {
  to: string;
  language: Language;
  inviterName: string;
  /** What the invitation is to, already in the mail's language, e.g. "join Nørre Auto as a technician". */
  what: string;
  link: string;
  expiresAt: Date;
  topic: string;
}

/** The activation mail: who invited them, to what, the link, and when it expires. */
export function invitationMail(input: InvitationMailInput): OutgoingMail {
  const t = TEXTS[input.language];
  const intro = t.invitationIntro(input.inviterName, input.what);
  const expires = t.invitationExpires(formatTime(input.expiresAt, input.language));
  return {
    to: input.to,
    topic: input.topic,
    subject: t.invitationSubject(input.inviterName),
    text: [intro, '', `${t.invitationAction}: ${input.link}`, '', expires, '', t.footer].join('\n'),
    html: renderHtml(
      <MailLayout
        lang={input.language}
        paragraphs={[intro]}
        action={t.invitationAction}
        link={input.link}
        after={expires}
      />,
    ),
  };
}

/** The password reset mail. */
export function passwordResetMail(input: {
  to: string;
  language: Language;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const t = TEXTS[input.language];
  const expires = t.resetExpires(formatTime(input.expiresAt, input.language));
  return {
    to: input.to,
    topic: 'password_reset',
    subject: t.resetSubject,
    text: [t.resetIntro, '', `${t.resetAction}: ${input.link}`, '', expires, '', t.footer].join('\n'),
    html: renderHtml(
      <MailLayout
        lang={input.language}
        paragraphs={[t.resetIntro]}
        action={t.resetAction}
        link={input.link}
        after={expires}
      />,
    ),
  };
}

/** Told to every user removed with a vehicle's primary user. */
export function accessRemovedMail(input: { to: string; language: Language; car: string }): OutgoingMail {
  const t = TEXTS[input.language];
  const intro = t.removedIntro(input.car);
  return {
    to: input.to,
    topic: 'vehicle_access_removed',
    subject: t.removedSubject,
    text: [intro, '', t.removedAfter, '', t.footer].join('\n'),
    html: renderHtml(
      <html lang={input.language}>
        <body style={{ fontFamily: 'Arial, sans-serif', color: '#1a1a1a', lineHeight: 1.5 }}>
          <p>{intro}</p>
          <p>{t.removedAfter}</p>
          <p style={{ fontSize: 12, color: '#555555' }}>{t.footer}</p>
        </body>
      </html>,
    ),
  };
}

function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** How a warning light is named in mail: the device's own words, or its code made readable. */
function lightName(code: string, description: string | null): string {
  return description ?? code.replaceAll('_', ' ');
}

/** The mail that goes with an in-app notice of a kind that is mailed (warning light, maintenance). */
export function noticeMail(input: {
  to: string;
  language: Language;
  car: string;
  notice: Notice;
  link: string;
}): OutgoingMail {
  const t = TEXTS[input.language];
  const { notice } = input;
  let subject: string;
  let paragraphs: string[];
  let after: string;
  if (notice.kind === 'warning_light_on') {
    const light = lightName(notice.data.code, notice.data.description);
    subject = t.warningSubject(input.car, light);
    paragraphs = [t.warningIntro(input.car, light, formatTime(new Date(notice.data.since), input.language))];
    after = t.warningAfter;
  } else if (notice.kind === 'maintenance_due') {
    const { dueDate, dueMileageKm, note, workshop } = notice.data;
    subject = t.maintenanceSubject(input.car);
    paragraphs = [
      t.maintenanceIntro(workshop.name, input.car),
      ...(dueDate ? [t.maintenanceDueDate(formatDate(dueDate, input.language))] : []),
      ...(dueMileageKm === null
        ? []
        : [
            t.maintenanceDueMileage(
              new Intl.NumberFormat(input.language === 'da' ? 'da-DK' : 'en-GB').format(dueMileageKm),
            ),
          ]),
      ...(note ? [t.maintenanceNote(note)] : []),
    ];
    after = t.maintenanceAfter;
  } else {
    throw new Error(`no mail for notices of kind ${notice.kind}`);
  }
  return {
    to: input.to,
    topic: `notice:${notice.kind}`,
    subject,
    text: [
      ...paragraphs,
      '',
      `${t.openNotices}: ${input.link}`,
      '',
      after,
      t.preferencesAfter,
      '',
      t.footer,
    ].join('\n'),
    html: renderHtml(
      <MailLayout
        lang={input.language}
        paragraphs={paragraphs}
        action={t.openNotices}
        link={input.link}
        after={`${after} ${t.preferencesAfter}`}
      />,
    ),
  };
}

/** The one mail for a batch of chat messages someone has not read. */
export function chatDigestMail(input: {
  to: string;
  language: Language;
  car: string;
  /** The newest messages of the batch, oldest first. */
  messages: { authorName: string; body: string; createdAt: Date }[];
  total: number;
  link: string;
}): OutgoingMail {
  const t = TEXTS[input.language];
  const lines = input.messages.map(
    (message) => `${message.authorName} (${formatTime(message.createdAt, input.language)}): ${message.body}`,
  );
  const more = input.total > input.messages.length ? [t.chatMore(input.total - input.messages.length)] : [];
  const paragraphs = [t.chatIntro(input.car), ...lines, ...more];
  return {
    to: input.to,
    topic: 'chat_messages',
    subject: t.chatSubject(input.car, input.total),
    text: [...paragraphs, '', `${t.openChat}: ${input.link}`, '', t.preferencesAfter, '', t.footer].join(
      '\n',
    ),
    html: renderHtml(
      <MailLayout
        lang={input.language}
        paragraphs={paragraphs}
        action={t.openChat}
        link={input.link}
        after={t.preferencesAfter}
      />,
    ),
  };
}
