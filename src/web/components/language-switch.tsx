import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, isLanguage } from '../i18n/index.ts';

// Each language is named in itself, the convention people scan for when they cannot read the
// current one; `lang` lets a screen reader pronounce the name correctly.
const OPTIONS = [
  { value: 'en', label: <span lang="en">English</span> },
  { value: 'da', label: <span lang="da">Dansk</span> },
];

// Mantine shrinks each radio input to 0x0 and lets its label take the clicks. Stretching the
// (still invisible) input over its option makes the real radio the thing that is clicked or tapped,
// so tools that act on the radio itself, like a browser test's `check()`, can reach it.
const STYLES = {
  input: { inset: 0, width: '100%', height: '100%', margin: 0, zIndex: 3, cursor: 'pointer' },
};

/** Chooses the interface language; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      styles={STYLES}
      data={OPTIONS}
      value={currentLanguage()}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
    />
  );
}
