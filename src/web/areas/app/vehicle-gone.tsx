import { List, Text } from '@mantine/core';
import type { DriverVehicle } from '../../api/vehicle-users.ts';
import { Page } from '../../components/page.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { useAppTexts } from './use-app-texts.ts';

/**
 * What a person sees on a car they were removed from (the API answers 404): they no longer have
 * access, and the way to their other cars, if any.
 */
export function VehicleGone({ otherVehicles }: { otherVehicles: DriverVehicle[] }) {
  const at = useAppTexts();
  return (
    <Page title={at('vehicle.goneTitle')}>
      <Text>{at('vehicle.gone')}</Text>
      {otherVehicles.length > 0 ? (
        <>
          <Text>{at('vehicle.otherVehicles')}</Text>
          <List>
            {otherVehicles.map((vehicle) => (
              <List.Item key={vehicle.id}>
                <AnchorLink to="/app" search={{ vehicle: vehicle.id }} underline="always">
                  {at('vehicle.option', {
                    plate: vehicle.registrationNumber,
                    make: vehicle.make,
                    model: vehicle.model,
                  })}
                </AnchorLink>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Page>
  );
}
