import { NativeSelect } from '@mantine/core';
import type { StaffMembership } from '../../api/session.ts';
import { useWorkshopTexts } from './use-workshop-texts.ts';

interface WorkshopChoiceProps {
  memberships: StaffMembership[];
  workshopId: string;
  onChange: (workshopId: string) => void;
}

/** Which workshop a page shows, for the few who work at more than one. */
export function WorkshopChoice({ memberships, workshopId, onChange }: WorkshopChoiceProps) {
  const wt = useWorkshopTexts();
  return (
    <NativeSelect
      label={wt('home.workshopLabel')}
      data={memberships.map((membership) => ({
        value: membership.organizationId,
        label: membership.organizationName,
      }))}
      value={workshopId}
      onChange={(event) => onChange(event.currentTarget.value)}
      maw="28rem"
    />
  );
}
