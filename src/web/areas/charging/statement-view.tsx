import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementDetail, StatementLine } from '../../api/charging.ts';
import { type DataColumn, DataTable } from '../../components/data-table.tsx';
import { type DetailsItem, DetailsList } from '../../components/details-list.tsx';
import { formatDateTime } from '../../components/format.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { accountName } from '../admin/customer-labels.ts';
import { partyLabel } from './charging-columns.tsx';
import { formatEur, formatExactEur, formatKwh, formatMonth, formatRateNumber } from './charging-format.ts';
import { StatementStatusBadge } from './statement-status-badge.tsx';
import { useChargingTexts } from './use-charging-texts.ts';

/** The facts of a statement: who, which month, its state, energy and money, and its decision. */
function StatementFacts({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const ct = useChargingTexts();
  const language = currentLanguage();
  const items: DetailsItem[] = [
    { label: ct('statement.party'), value: partyLabel(statement, ct, t) },
    ...(statement.userId
      ? [{ label: ct('statement.account'), value: accountName(statement.accountName, t) }]
      : []),
    { label: ct('statement.month'), value: formatMonth(statement.month, language) },
    { label: ct('statement.status'), value: <StatementStatusBadge status={statement.status} /> },
    {
      label: ct('statement.approval'),
      value: statement.reimbursementMode === 'manual' ? ct('statement.manual') : ct('statement.automatic'),
    },
    {
      label: ct('statement.energy'),
      value: ct('amounts.kwh', { amount: formatKwh(statement.energyKwh, language) }),
    },
    {
      label: ct('statement.amount'),
      value: <Text fw={700}>{formatEur(statement.amountEur, language)}</Text>,
    },
    {
      label: ct('statement.amountExact'),
      value: ct('statement.amountExactValue', { amount: formatExactEur(statement.amountExactEur, language) }),
    },
    {
      label: ct('statement.sessions'),
      value:
        statement.correctionCount > 0
          ? ct('statement.sessionsValue', {
              sessions: statement.sessionCount,
              corrections: statement.correctionCount,
            })
          : statement.sessionCount,
    },
    { label: ct('statement.made'), value: formatDateTime(statement.createdAt, language) },
    ...(statement.decidedAt
      ? [
          {
            label: ct('statement.decided'),
            value: statement.decidedBy
              ? ct('statement.decidedBy', {
                  date: formatDateTime(statement.decidedAt, language),
                  name: statement.decidedBy.name,
                })
              : formatDateTime(statement.decidedAt, language),
          },
        ]
      : []),
    ...(statement.rejectionReason
      ? [
          {
            label: ct('statement.reason'),
            value: <Text style={{ whiteSpace: 'pre-wrap' }}>{statement.rejectionReason}</Text>,
          },
        ]
      : []),
  ];
  return (
    <section aria-label={ct('statement.factsLabel')}>
      <DetailsList items={items} />
    </section>
  );
}

function useLineColumns(lines: StatementLine[]) {
  const ct = useChargingTexts();
  const language = currentLanguage();
  const columns: DataColumn<StatementLine>[] = [
    { key: 'ended', header: ct('statement.ended'), cell: (line) => formatDateTime(line.endedAt, language) },
    { key: 'charger', header: ct('statement.charger'), cell: (line) => line.chargerId },
    {
      key: 'line',
      header: ct('statement.line'),
      cell: (line) =>
        line.kind === 'correction'
          ? ct('statement.correction', { month: formatMonth(line.sessionMonth, language) })
          : ct('statement.session'),
    },
    {
      key: 'energy',
      header: ct('statement.energy'),
      cell: (line) => ct('amounts.kwh', { amount: formatKwh(line.energyKwh, language) }),
    },
  ];
  // Rates are left out of the answer for those who may not see them (operator support).
  if (lines.some((line) => line.rateEur !== undefined)) {
    columns.push({
      key: 'rate',
      header: ct('statement.rate'),
      cell: (line) =>
        line.rateEur === undefined
          ? null
          : ct('statement.rateValue', { rate: formatRateNumber(line.rateEur, language) }),
    });
  }
  columns.push({
    key: 'amount',
    header: ct('statement.lineAmount'),
    cell: (line) => `${formatExactEur(line.amountEur, language)} EUR`,
  });
  return columns;
}

/** The sessions behind a statement, each with its energy, rate and exact amount. */
function StatementLines({ statement }: { statement: StatementDetail }) {
  const ct = useChargingTexts();
  const language = currentLanguage();
  const headingId = useId();
  const columns = useLineColumns(statement.lines);
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {ct('statement.linesHeading')}
      </Title>
      <Text c="dimmed">{ct('statement.linesHint')}</Text>
      {statement.correctionCount > 0 ? <Text c="dimmed">{ct('statement.correctionHint')}</Text> : null}
      {statement.lines.length === 0 ? (
        <Text>{ct('statement.noLines')}</Text>
      ) : (
        <DataTable
          label={ct('statement.linesLabel', { month: formatMonth(statement.month, language) })}
          columns={columns}
          items={statement.lines}
          rowKey={(line) => line.sessionId}
        />
      )}
    </Stack>
  );
}

interface StatementViewProps {
  statement: StatementDetail;
  /** The way back to the list the statement was opened from. */
  back: ReactNode;
  /** Approve and reject, or why the person cannot; nothing once decided. */
  decision?: ReactNode;
}

/** One statement's page content: its facts, the decision (where there is one), its sessions. */
export function StatementView({ statement, back, decision }: StatementViewProps) {
  return (
    <>
      {back}
      <StatementFacts statement={statement} />
      {decision}
      <StatementLines statement={statement} />
    </>
  );
}
