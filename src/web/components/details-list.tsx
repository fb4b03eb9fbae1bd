import { Box, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DetailsItem {
  label: string;
  value: ReactNode;
}

/** Facts about one thing as a description list: label above value, two columns when there is room. */
export function DetailsList({ items }: { items: DetailsItem[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      {items.map((item) => (
        <Box key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Box component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.value}
          </Box>
        </Box>
      ))}
    </SimpleGrid>
  );
}
