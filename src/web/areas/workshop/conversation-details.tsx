import { Text } from '@mantine/core';
import { DetailsList } from '../../components/details-list.tsx';
import { formatList } from '../../components/format.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useWorkshopTexts } from './use-workshop-texts.ts';

/** What the details of a conversation show: the same from the inbox and from a vehicle read. */
export interface ConversationSubject {
  vehicle: { id: string; registrationNumber: string; make: string; model: string };
  primaryUser: { name: string } | null;
  secondaryUsers: { name: string }[];
}

/** "No secondary users", "1 secondary user: Anna" or "2 secondary users: Anna and Bo". */
export function secondaryUsersText(
  users: { name: string }[],
  wt: ReturnType<typeof useWorkshopTexts>,
  language = currentLanguage(),
): string {
  if (users.length === 0) return wt('inbox.secondaryNone');
  const names = formatList(
    users.map((user) => user.name),
    language,
  );
  return users.length === 1
    ? wt('inbox.secondaryOne', { names })
    : wt('inbox.secondaryMany', { count: users.length, names });
}

/**
 * Who the workshop is talking to (SPEC §7): the vehicle, its primary user, and whether (and
 * which) secondary users it has, with the way to the vehicle's page.
 */
export function ConversationDetails({
  workshopId,
  subject,
}: {
  workshopId: string;
  subject: ConversationSubject;
}) {
  const wt = useWorkshopTexts();
  const { vehicle, primaryUser, secondaryUsers } = subject;
  return (
    <section aria-label={wt('inbox.detailsLabel')}>
      <DetailsList
        items={[
          { label: wt('inbox.plate'), value: vehicle.registrationNumber },
          { label: wt('inbox.makeModel'), value: `${vehicle.make} ${vehicle.model}` },
          {
            label: wt('inbox.primaryUser'),
            value: primaryUser ? (
              primaryUser.name
            ) : (
              <Text span c="dimmed" inherit>
                {wt('inbox.noPrimaryUser')}
              </Text>
            ),
          },
          { label: wt('inbox.secondaryUsers'), value: secondaryUsersText(secondaryUsers, wt) },
        ]}
      />
      <AnchorLink
        to="/workshop/vehicles/$vehicleId"
        params={{ vehicleId: vehicle.id }}
        search={{ workshop: workshopId }}
        underline="always"
        display="inline-block"
        mt="sm"
      >
        {wt('inbox.openVehicle', { plate: vehicle.registrationNumber })}
      </AnchorLink>
    </section>
  );
}
