import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvitationState } from '../../shared/roles.ts';

// Darker than Mantine's own green and orange, whose darkest shades still leave small white text
// below the 4.5:1 contrast WCAG asks for. The word carries the meaning; colour only helps scanning.
const COLORS: Record<InvitationState, string> = {
  pending: 'blue.8',
  expired: '#a63c06',
  active: '#1b5e20',
  deactivated: 'gray.7',
};

/** A person's invitation state in a list: Pending, Expired, Active or Deactivated. */
export function StateBadge({ state }: { state: InvitationState }) {
  const { t } = useTranslation();
  return (
    // Never squeezed into "PEND…" by a narrow table column.
    <Badge color={COLORS[state]} variant="filled" radius="sm" tt="none" fz="sm" miw="max-content">
      {t(`states.${state}`)}
    </Badge>
  );
}
