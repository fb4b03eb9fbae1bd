import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da.ts';
import { en, type Messages } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES = ['en', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];

/** localStorage key holding the language a person chose with the language switch. */
export const LANGUAGE_STORAGE_KEY = 'keyfob.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | undefined {
  // Storage access throws when the browser blocks it (privacy settings, sandboxed frames).
  try {
    const stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The browser's first preferred language if it is Danish (any region); English otherwise. */
function detectBrowserLanguage(): Language {
  const preferred = navigator.languages[0] ?? navigator.language;
  return preferred.toLowerCase().split('-')[0] === 'da' ? 'da' : 'en';
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (language) => {
  // Screen readers pick their voice from <html lang>, so it must follow the visible language.
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, da: { translation: da } },
  lng: readStoredLanguage() ?? detectBrowserLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  // The resources are bundled, so initialising synchronously avoids a first render without texts.
  initAsync: false,
  // React escapes what it renders; escaping here too would show entities such as &amp;.
  interpolation: { escapeValue: false },
});

/** Switches the interface language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Without storage the choice still applies for this visit.
  }
  await i18n.changeLanguage(language);
}

/** The language currently shown, narrowed to one keyfob supports. */
export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}
