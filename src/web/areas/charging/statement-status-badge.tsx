import { Badge } from '@mantine/core';
import type { StatementStatus } from '../../api/charging.ts';
import { useChargingTexts } from './use-charging-texts.ts';

// Dark enough for small white text at 4.5:1 (as the invitation state badges); the word carries
// the meaning, the colour only helps scanning.
const COLORS: Record<StatementStatus, string> = {
  awaiting_approval: '#a63c06',
  approved: '#1b5e20',
  rejected: 'red.9',
};

/** A statement's state in a list or on its page: Awaiting approval, Approved or Rejected. */
export function StatementStatusBadge({ status }: { status: StatementStatus }) {
  const ct = useChargingTexts();
  return (
    <Badge color={COLORS[status]} variant="filled" radius="sm" tt="none" fz="sm" miw="max-content">
      {ct(`status.${status}`)}
    </Badge>
  );
}
