import { SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ME_QUERY_KEY, type Me, updateMe, useMe } from '../api/session.ts';
import { changeLanguage, currentLanguage, isLanguage, type Language } from '../i18n/index.ts';

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

/**
 * Chooses the interface language; the choice is remembered in localStorage and, for someone
 * signed in, saved on their account, because the mails keyfob sends them use it.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();

  const saveOnAccount = async (language: Language) => {
    if (!me || me.user.language === language) return;
    try {
      const user = await updateMe({ language });
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (old) => (old ? { ...old, user } : old));
    } catch {
      // The page already speaks the chosen language; the account keeps the old one for mail
      // until the next switch, which is not worth interrupting the person for.
    }
  };

  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      styles={STYLES}
      data={OPTIONS}
      value={currentLanguage()}
      onChange={(value) => {
        if (!isLanguage(value)) return;
        void changeLanguage(value);
        void saveOnAccount(value);
      }}
    />
  );
}
