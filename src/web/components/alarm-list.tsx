import { List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Alarm } from '../api/telemetry.ts';
import { currentLanguage } from '../i18n/index.ts';
import { formatDateTime } from './format.ts';
import { isKnownAlarmCode, readableAlarmCode } from './vehicle-readings.ts';

/** A warning light's name in the page's language: "Oil pressure", "Olietryk". */
export function alarmName(code: string, t: TFunction): string {
  return isKnownAlarmCode(code) ? t(`alarms.codes.${code}`) : readableAlarmCode(code);
}

interface AlarmListProps {
  alarms: Alarm[];
  /** Names the list for assistive technology. */
  label: string;
  /** Said instead of the list when no light is on. */
  emptyText: string;
}

/** The warning lights on now: each named, with the device's description and since when. */
export function AlarmList({ alarms, label, emptyText }: AlarmListProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (alarms.length === 0) return <Text>{emptyText}</Text>;
  return (
    <List aria-label={label} spacing="sm">
      {alarms.map((alarm) => (
        <List.Item key={`${alarm.code}-${alarm.since}`}>
          <Stack gap={0}>
            <Text fw={600} inherit>
              {alarmName(alarm.code, t)}
            </Text>
            {alarm.description ? <Text size="sm">{alarm.description}</Text> : null}
            <Text size="sm" c="dimmed">
              {t('alarms.since', { date: formatDateTime(alarm.since, language) })}
            </Text>
          </Stack>
        </List.Item>
      ))}
    </List>
  );
}
