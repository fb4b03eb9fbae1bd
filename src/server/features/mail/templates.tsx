import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../../shared/roles.ts';
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
