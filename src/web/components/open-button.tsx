import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Text that opens a record's dialog: it looks like a link, since it reads like one in a list,
 * but it is a button, since it opens something on this page rather than going anywhere.
 */
export function OpenButton({ onOpen, children }: { onOpen: () => void; children: ReactNode }) {
  return (
    <Anchor
      component="button"
      type="button"
      onClick={onOpen}
      fw={600}
      underline="always"
      style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
    >
      {children}
    </Anchor>
  );
}
