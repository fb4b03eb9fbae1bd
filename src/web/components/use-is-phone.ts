import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Below Mantine's `sm` breakpoint (48em, 768px): lists become stacked cards and dialogs fill the
 * screen. Read on the first render (there is no server rendering), so nothing flashes.
 */
export function useIsPhone(): boolean {
  return useMediaQuery(`(max-width: ${em(767.98)})`, false, { getInitialValueInEffect: false });
}
