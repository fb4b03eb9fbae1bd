import { Box, Button, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Statement } from '../../api/charging.ts';
import { NothingYet } from '../../components/nothing-yet.tsx';
import { useIsPhone } from '../../components/use-is-phone.ts';
import { currentLanguage, type Language } from '../../i18n/index.ts';
import { partyLabel } from './charging-columns.tsx';
import { formatEur, formatKwh, formatMonth, formatShortMonth } from './charging-format.ts';
import {
  buildMonthlyChart,
  type ChartCell,
  type MonthlyChart as ChartData,
  niceScale,
} from './monthly-chart-data.ts';
import { useChargingTexts } from './use-charging-texts.ts';

type Metric = 'energy' | 'amount';

// Each at least 3:1 against white (WCAG non-text contrast), and told apart by the legend's words.
const PALETTE = [
  'var(--mantine-color-blue-8)',
  'var(--mantine-color-orange-9)',
  'var(--mantine-color-teal-8)',
  'var(--mantine-color-grape-7)',
  'var(--mantine-color-red-9)',
  'var(--mantine-color-cyan-9)',
  'var(--mantine-color-lime-9)',
  'var(--mantine-color-pink-8)',
  'var(--mantine-color-indigo-9)',
  'var(--mantine-color-gray-7)',
];

const colorOf = (index: number) => PALETTE[index % PALETTE.length] ?? 'currentColor';

const cellValue = (cell: ChartCell | null, metric: Metric) =>
  cell ? Number(metric === 'energy' ? cell.energyKwh : cell.amountEur) : 0;

function axisNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 2 }).format(
    value,
  );
}

interface BarsProps {
  chart: ChartData;
  metric: Metric;
  titleId: string;
  descriptionId: string;
  title: string;
  description: string;
}

/** Stacked bars, one per month, one segment per party; drawn, no chart package needed. */
function Bars({ chart, metric, titleId, descriptionId, title, description }: BarsProps) {
  const isPhone = useIsPhone();
  const language = currentLanguage();
  const box = { width: isPhone ? 340 : 600, height: 240, left: 48, right: 8, top: 12, bottom: 28 };
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const totals = chart.months.map((month) =>
    month.cells.reduce((sum, cell) => sum + cellValue(cell, metric), 0),
  );
  const { top, ticks } = niceScale(Math.max(0, ...totals));
  const slot = plotWidth / Math.max(1, chart.months.length);
  const barWidth = Math.min(40, slot * 0.6);
  const y = (value: number) => box.top + plotHeight - (value / top) * plotHeight;
  // Every month named when they fit; else every second or third, always the newest.
  const labelEvery = Math.max(1, Math.ceil(chart.months.length / (isPhone ? 4 : 8)));
  const last = chart.months.length - 1;

  return (
    <svg
      viewBox={`0 0 ${box.width} ${box.height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      style={{ display: 'block', maxWidth: box.width * 1.15, fontSize: 11 }}
    >
      <title id={titleId}>{title}</title>
      <desc id={descriptionId}>{description}</desc>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={box.left}
            x2={box.width - box.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={tick === 0 ? 'var(--mantine-color-gray-7)' : 'var(--mantine-color-gray-3)'}
            strokeWidth={1}
          />
          <text x={box.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fill="currentColor">
            {axisNumber(tick, language)}
          </text>
        </g>
      ))}
      {chart.months.map((month, monthIndex) => {
        const x = box.left + slot * monthIndex + (slot - barWidth) / 2;
        let base = 0;
        const segments: ReactNode[] = [];
        month.cells.forEach((cell, partyIndex) => {
          const value = cellValue(cell, metric);
          if (value <= 0) return;
          const party = chart.parties[partyIndex];
          segments.push(
            <rect
              key={party?.key ?? partyIndex}
              x={x}
              y={y(base + value)}
              width={barWidth}
              height={Math.max(0, y(base) - y(base + value))}
              fill={colorOf(partyIndex)}
              stroke="white"
              strokeWidth={1}
            />,
          );
          base += value;
        });
        const isLabelled = (last - monthIndex) % labelEvery === 0;
        return (
          <g key={month.month}>
            {segments}
            {isLabelled ? (
              <text x={x + barWidth / 2} y={box.height - 10} textAnchor="middle" fill="currentColor">
                {formatShortMonth(month.month, language)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/** Every figure of the chart, month by month and party by party, with the month's total. */
function FiguresTable({ chart }: { chart: ChartData }) {
  const ct = useChargingTexts();
  const language = currentLanguage();
  const figure = (energyKwh: string, amountEur: string) =>
    ct('chart.cell', { energy: formatKwh(energyKwh, language), amount: formatEur(amountEur, language) });
  return (
    <Table striped withTableBorder verticalSpacing="xs">
      <caption style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600 }}>
        {ct('chart.tableCaption')}
      </caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{ct('columns.month')}</Table.Th>
          {chart.parties.map((party) => (
            <Table.Th key={party.key} scope="col">
              {party.label}
            </Table.Th>
          ))}
          <Table.Th scope="col">{ct('chart.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {chart.months.map((month) => (
          <Table.Tr key={month.month}>
            <Table.Th scope="row">{formatMonth(month.month, language)}</Table.Th>
            {month.cells.map((cell, index) => (
              <Table.Td key={chart.parties[index]?.key ?? index}>
                {cell ? figure(cell.energyKwh, cell.amountEur) : ct('chart.none')}
              </Table.Td>
            ))}
            <Table.Td fw={600}>{figure(month.totalKwh, month.totalEur)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Monthly energy (kWh) or amounts (EUR) per reimbursed party as stacked bars, with a legend. The
 * drawing is one image with a title and a description; the numbers behind it are a table that
 * screen readers always have and anyone can show.
 */
export function MonthlyChart({ statements }: { statements: Statement[] }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const [metric, setMetric] = useState<Metric>('energy');
  const [isTableShown, setTableShown] = useState(false);
  const titleId = useId();
  const descriptionId = useId();
  const chart = buildMonthlyChart(statements, (statement) => partyLabel(statement, ct, t));
  const first = chart.months[0];
  const last = chart.months[chart.months.length - 1];
  if (!first || !last) return <NothingYet title={ct('chart.emptyTitle')} description={ct('chart.empty')} />;

  const table = <FiguresTable chart={chart} />;
  // Shown, a wide table scrolls inside its own box, which keyboard users can focus to scroll.
  const shownTable = (
    <Box
      role="region"
      aria-label={ct('chart.tableCaption')}
      tabIndex={0}
      style={{ overflowX: 'auto', maxWidth: '100%' }}
    >
      {table}
    </Box>
  );
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={ct('chart.metricLabel')}
        value={metric}
        onChange={(value) => setMetric(value === 'amount' ? 'amount' : 'energy')}
        data={[
          { value: 'energy', label: ct('chart.energy') },
          { value: 'amount', label: ct('chart.amount') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Bars
        chart={chart}
        metric={metric}
        titleId={titleId}
        descriptionId={descriptionId}
        title={metric === 'energy' ? ct('chart.titleEnergy') : ct('chart.titleAmount')}
        description={ct('chart.description', {
          first: formatMonth(first.month, language),
          last: formatMonth(last.month, language),
        })}
      />
      <Group
        component="ul"
        aria-label={ct('chart.legendLabel')}
        gap="md"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
      >
        {chart.parties.map((party, index) => (
          <Group component="li" key={party.key} gap={6} wrap="nowrap">
            <Box
              component="span"
              aria-hidden="true"
              w={12}
              h={12}
              bg={colorOf(index)}
              style={{ display: 'inline-block', borderRadius: 2, flexShrink: 0 }}
            />
            <Text size="sm">{party.label}</Text>
          </Group>
        ))}
      </Group>
      <Button
        variant="default"
        size="compact-md"
        onClick={() => setTableShown((shown) => !shown)}
        style={{ alignSelf: 'flex-start' }}
      >
        {isTableShown ? ct('chart.hideTable') : ct('chart.showTable')}
      </Button>
      {isTableShown ? shownTable : <VisuallyHidden component="div">{table}</VisuallyHidden>}
    </Stack>
  );
}
