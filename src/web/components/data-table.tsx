import { Box, Card, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useIsPhone } from './use-is-phone.ts';

export interface DataColumn<T> {
  /** Stable key of the column. */
  key: string;
  header: string;
  cell: (item: T) => ReactNode;
  /** Hides the header on phones, for a cell that explains itself (e.g. a button). */
  isSelfExplaining?: boolean;
}

interface DataTableProps<T> {
  /** Names the table (or, on phones, the list) for assistive technology. */
  label: string;
  columns: DataColumn<T>[];
  items: T[];
  rowKey: (item: T) => string;
}

/**
 * A list of records: a table on wider screens, and on phones a stack of cards, each with the
 * first column as its title and the others as labelled lines, so nothing scrolls sideways.
 */
export function DataTable<T>({ label, columns, items, rowKey }: DataTableProps<T>) {
  const isPhone = useIsPhone();
  const [first, ...rest] = columns;
  if (!first) return null;

  if (isPhone) {
    return (
      <Stack component="ul" aria-label={label} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Card component="li" key={rowKey(item)} withBorder padding="sm" radius="md">
            <Box fw={600}>{first.cell(item)}</Box>
            <Box component="dl" m={0} mt={6}>
              {rest
                .filter((column) => !column.isSelfExplaining)
                .map((column) => (
                  <Box key={column.key} mt={4}>
                    <Text component="dt" size="sm" c="dimmed">
                      {column.header}
                    </Text>
                    <Box component="dd" m={0}>
                      {column.cell(item)}
                    </Box>
                  </Box>
                ))}
            </Box>
            {rest
              .filter((column) => column.isSelfExplaining)
              .map((column) => (
                <Box key={column.key} mt="xs">
                  {column.cell(item)}
                </Box>
              ))}
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    // Wide content scrolls inside its own box, never the page.
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              // Headings break between words only, never inside one as long emails may.
              <Table.Th key={column.key} scope="col" style={{ overflowWrap: 'normal' }}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={rowKey(item)}>
              {columns.map((column) => (
                <Table.Td key={column.key}>{column.cell(item)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
