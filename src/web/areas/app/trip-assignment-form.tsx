import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import type { TripSummary } from '../../api/trips.ts';
import type { VehicleUser } from '../../api/vehicle-users.ts';
import { useAppTexts } from './use-app-texts.ts';

interface TripAssignmentFormProps {
  trip: TripSummary;
  users: VehicleUser[];
  myUserId: string;
  isSaving: boolean;
  onSave: (userIds: string[]) => void;
}

/** The primary's control (SPEC §6): assign the trip to any users of the car, or undo it. */
export function TripAssignmentForm({ trip, users, myUserId, isSaving, onSave }: TripAssignmentFormProps) {
  const at = useAppTexts();
  const [chosen, setChosen] = useState(() => trip.assignees.map((assignee) => assignee.userId));
  return (
    <Stack gap="sm">
      <Checkbox.Group
        label={at('trip.assignLabel')}
        description={at('trip.assignHint')}
        value={chosen}
        onChange={setChosen}
      >
        <Stack gap="xs" mt="xs">
          {users.map((user) => (
            <Checkbox
              key={user.id}
              value={user.id}
              label={user.id === myUserId ? `${user.name} (${at('users.you')})` : user.name}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group gap="sm">
        <Button onClick={() => onSave(chosen)} loading={isSaving}>
          {at('trip.save')}
        </Button>
        {trip.assignees.length > 0 ? (
          <Button variant="default" onClick={() => onSave([])} disabled={isSaving}>
            {at('trip.undo')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
