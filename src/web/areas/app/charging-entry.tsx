import { Text } from '@mantine/core';
import { ButtonLink } from '../../components/router-links.tsx';
import { useAreaMe } from '../area-me.tsx';
import { useChargingTexts } from '../charging/use-charging-texts.ts';
import { AppSection } from './app-section.tsx';

/**
 * The way from More to Charging, for members of a customer account: owners find their
 * statements and approvals there, end-users their own sessions and statements.
 */
export function ChargingEntry() {
  const ct = useChargingTexts();
  const me = useAreaMe();
  if (me.accounts.length === 0) return null;
  const isOwner = me.accounts.some((account) => account.role === 'account_owner');
  return (
    <AppSection title={ct('app.moreHeading')}>
      <Text>{isOwner ? ct('app.moreOwner') : ct('app.moreDriver')}</Text>
      <ButtonLink to="/app/charging" style={{ alignSelf: 'flex-start' }}>
        {ct('app.moreOpen')}
      </ButtonLink>
    </AppSection>
  );
}
