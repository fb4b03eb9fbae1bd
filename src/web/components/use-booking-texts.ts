import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/index.ts';
import { da, en } from './booking-texts.ts';

const NAMESPACE_KEY = 'booking';

// Merged into the shared `translation` namespace (deep, so nothing else there is touched) when
// a booking page is first imported, which is before anything renders.
i18n.addResourceBundle('en', 'translation', { [NAMESPACE_KEY]: en }, true, true);
i18n.addResourceBundle('da', 'translation', { [NAMESPACE_KEY]: da }, true, true);

/** Every text's dotted path, e.g. `status.requested`. */
type TextKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : TextKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type BookingTextKey = TextKey<typeof en>;

function englishText(key: BookingTextKey): string {
  let node: unknown = en;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : key;
}

/** Values put into a text's `{{placeholders}}`. */
export type TextValues = Record<string, string | number>;

/** Looks up a booking text: `bt('status.requested')`. */
export type BookingT = (key: BookingTextKey, values?: TextValues) => string;

/**
 * Service booking's texts in the current language, for the driver app and the workshop portal
 * alike. Looked up with their English text as the default value, which is also what a missing
 * Danish text would fall back to.
 */
export function useBookingTexts(): BookingT {
  // Subscribes the component to language changes.
  const { t } = useTranslation();
  return useCallback(
    (key: BookingTextKey, values?: TextValues) =>
      t(`${NAMESPACE_KEY}.${key}`, { ...values, defaultValue: englishText(key) }),
    [t],
  );
}
