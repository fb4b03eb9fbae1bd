import { Alert, type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's defaults, tuned for contrast: the default primary shade (blue 6) and dimmed grey
 * (gray 6) reach only about 3.5:1 on white, below the 4.5:1 that WCAG AA and the axe checks in
 * our browser tests require for normal text.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  // People who ask their system for less motion get no fades or slides.
  respectReducedMotion: true,
  components: {
    // A light alert's title takes its colour's mid shade (green, yellow, red), about 3:1 on the
    // tinted background; the ordinary text colour keeps it readable, and the tint still says which.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Mantine's error red (red 6) reaches only about 3.3:1 on white; red 8 passes 4.5:1.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
