import { Radio, Stack, Text } from '@mantine/core';
import type { SharingLevel } from '../../api/vehicles.ts';
import { type AppT, useAppTexts } from './use-app-texts.ts';

const LEVELS: SharingLevel[] = ['shared', 'limited'];

function isSharingLevel(value: string): value is SharingLevel {
  return (LEVELS as string[]).includes(value);
}

/** A level's name, e.g. "Limited location". */
export function sharingLevelName(level: SharingLevel, at: AppT): string {
  return at(`sharing.${level}`);
}

/** A level in plain words: what it shows and to whom. */
export function sharingLevelHint(level: SharingLevel, at: AppT): string {
  return at(level === 'shared' ? 'sharing.sharedHint' : 'sharing.limitedHint');
}

interface SharingLevelChoiceProps {
  /** Nothing is chosen yet when undefined. */
  value: SharingLevel | undefined;
  onChange: (level: SharingLevel) => void;
  error?: string | undefined;
}

/**
 * "Shared access" or "Limited location", each explained in plain words (SPEC §6), with what stays
 * shared either way. Used by the first-run tile and by Manage users.
 */
export function SharingLevelChoice({ value, onChange, error }: SharingLevelChoiceProps) {
  const at = useAppTexts();
  return (
    <Stack gap="xs">
      <Radio.Group
        label={at('sharing.legend')}
        value={value ?? null}
        onChange={(next) => {
          if (isSharingLevel(next)) onChange(next);
        }}
        error={error}
        errorProps={{ role: 'alert' }}
      >
        <Stack gap="sm" mt="xs">
          {LEVELS.map((level) => (
            <Radio
              key={level}
              value={level}
              label={sharingLevelName(level, at)}
              description={sharingLevelHint(level, at)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Text size="sm" c="dimmed">
        {at('sharing.common')}
      </Text>
    </Stack>
  );
}
