import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index.ts';
import { da, en } from './charging-texts.ts';

const NAMESPACE_KEY = 'charging';

// Merged into the shared `translation` namespace (deep, so nothing else there is touched) when
// the charging pages are first imported, which is before anything renders.
i18n.addResourceBundle('en', 'translation', { [NAMESPACE_KEY]: en }, true, true);
i18n.addResourceBundle('da', 'translation', { [NAMESPACE_KEY]: da }, true, true);

/** Every text's dotted path, e.g. `status.approved`. */
type TextKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : TextKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ChargingTextKey = TextKey<typeof en>;

function englishText(key: ChargingTextKey): string {
  let node: unknown = en;
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return typeof node === 'string' ? node : key;
}

/** Values put into a text's `{{placeholders}}`. */
export type TextValues = Record<string, string | number>;

/** Looks up a charging text: `ct('status.approved')`. */
export type ChargingT = (key: ChargingTextKey, values?: TextValues) => string;

/**
 * The charging pages' texts in the current language. i18n/index.ts types `t` by the
 * shared texts only, so these are looked up with their English text as the default value, which
 * is also what a missing Danish text would fall back to.
 */
export function useChargingTexts(): ChargingT {
  // Subscribes the component to language changes.
  const { t } = useTranslation();
  return useCallback(
    (key: ChargingTextKey, values?: TextValues) =>
      t(`${NAMESPACE_KEY}.${key}`, { ...values, defaultValue: englishText(key) }),
    [t],
  );
}
