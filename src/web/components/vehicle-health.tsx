import { Box, RingProgress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VehicleStatus } from '../api/telemetry.ts';
import { currentLanguage } from '../i18n/index.ts';
import { type DetailsItem, DetailsList } from './details-list.tsx';
import { formatDateTime, formatKilometres, formatPercent } from './format.ts';
import { lastUpdateOf } from './vehicle-readings.ts';

/** Below this a tank or battery is drawn in red: time to fill up or charge. */
const LOW_PERCENT = 15;

/** A fuel or battery level as a ring with the percentage in it; a meter for assistive technology. */
function LevelRing({ label, percent }: { label: string; percent: number }) {
  const language = currentLanguage();
  const text = formatPercent(percent, language);
  return (
    <Box
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={text}
      w="fit-content"
    >
      <RingProgress
        size={76}
        thickness={8}
        roundCaps
        aria-hidden="true"
        sections={[{ value: percent, color: percent < LOW_PERCENT ? 'red.8' : 'blue.7' }]}
        label={
          <Text ta="center" fw={700} size="sm">
            {text}
          </Text>
        }
      />
    </Box>
  );
}

/**
 * A car's health as its device last reported it (SPEC §8): fuel and/or battery level, odometer,
 * ignition and when anything was last reported. What was never reported says so.
 */
export function VehicleHealth({ status }: { status: VehicleStatus }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const notReported = (
    <Text span c="dimmed" inherit>
      {t('health.notReported')}
    </Text>
  );
  const lastUpdate = lastUpdateOf(status);
  const levels: DetailsItem[] = [
    ...(status.fuel
      ? [
          {
            label: t('health.fuel'),
            value: <LevelRing label={t('health.fuel')} percent={status.fuel.percent} />,
          },
        ]
      : []),
    ...(status.battery
      ? [
          {
            label: t('health.battery'),
            value: <LevelRing label={t('health.battery')} percent={status.battery.percent} />,
          },
        ]
      : []),
  ];
  return (
    <DetailsList
      items={[
        ...(levels.length > 0 ? levels : [{ label: t('health.level'), value: notReported }]),
        {
          label: t('health.odometer'),
          value: status.odometer ? formatKilometres(status.odometer.km, language) : notReported,
        },
        {
          label: t('health.ignition'),
          value: status.ignition
            ? status.ignition.on
              ? t('health.ignitionOn')
              : t('health.ignitionOff')
            : notReported,
        },
        {
          label: t('health.lastUpdate'),
          value: lastUpdate ? formatDateTime(lastUpdate, language) : notReported,
        },
      ]}
    />
  );
}
