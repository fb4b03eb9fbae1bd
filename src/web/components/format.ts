import type { Language } from '../../shared/roles.ts';

const LOCALES: Record<Language, string> = { en: 'en-GB', da: 'da-DK' };

/** A date and time as people of the language write it, e.g. "2 March 2026 at 10:00". */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** A list of names joined the way the language does it, e.g. "Admin, Finance and Support". */
export function formatList(items: string[], language: Language): string {
  return new Intl.ListFormat(LOCALES[language], { style: 'long', type: 'conjunction' }).format(items);
}
