import { Group, NativeSelect } from '@mantine/core';
import { isStatementStatus, STATEMENT_STATUSES, type StatementStatus } from '../../api/charging.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatMonth, isMonth } from './charging-format.ts';
import { useChargingTexts } from './use-charging-texts.ts';

interface MonthSelectProps {
  /** The months offered, newest first. */
  months: string[];
  value: string | undefined;
  onChange: (month: string | undefined) => void;
  label?: string;
}

/** A month filter: "All months" or one month. A native select, which phones show their own way. */
export function MonthSelect({ months, value, onChange, label }: MonthSelectProps) {
  const ct = useChargingTexts();
  const language = currentLanguage();
  // A month chosen by address but not among the offered ones is still shown as chosen.
  const offered = value && !months.includes(value) ? [value, ...months] : months;
  return (
    <NativeSelect
      label={label ?? ct('filters.month')}
      value={value ?? ''}
      onChange={(event) => {
        const next = event.currentTarget.value;
        onChange(isMonth(next) ? next : undefined);
      }}
      data={[
        { value: '', label: ct('filters.allMonths') },
        ...offered.map((month) => ({ value: month, label: formatMonth(month, language) })),
      ]}
      miw={180}
    />
  );
}

interface StatementFiltersProps {
  months: string[];
  month: string | undefined;
  status: StatementStatus | undefined;
  onChange: (filter: { month: string | undefined; status: StatementStatus | undefined }) => void;
}

/** Month and status filters of a statement list. */
export function StatementFilters({ months, month, status, onChange }: StatementFiltersProps) {
  const ct = useChargingTexts();
  return (
    <Group gap="md" align="flex-end" role="group" aria-label={ct('filters.label')}>
      <MonthSelect months={months} value={month} onChange={(next) => onChange({ month: next, status })} />
      <NativeSelect
        label={ct('filters.status')}
        value={status ?? ''}
        onChange={(event) => {
          const next = event.currentTarget.value;
          onChange({ month, status: isStatementStatus(next) ? next : undefined });
        }}
        data={[
          { value: '', label: ct('filters.allStatuses') },
          ...STATEMENT_STATUSES.map((value) => ({ value, label: ct(`status.${value}`) })),
        ]}
        miw={180}
      />
    </Group>
  );
}
