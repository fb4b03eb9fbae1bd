import { Alert, Button, CopyButton, Stack, TextInput } from '@mantine/core';
import { useWorkshopTexts } from './use-workshop-texts.ts';

/**
 * A freshly made device token, with a copy button and the warning that it is never shown again:
 * the server keeps only its hash.
 */
export function DeviceTokenPanel({ token }: { token: string }) {
  const wt = useWorkshopTexts();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" title={wt('token.warningTitle')} role="status">
        {wt('token.warning')}
      </Alert>
      <TextInput
        label={wt('token.label')}
        value={token}
        readOnly
        // Selected on focus, so copying by hand is one keystroke too.
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <CopyButton value={token}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'filled' : 'default'} onClick={copy} style={{ alignSelf: 'flex-start' }}>
            {copied ? wt('token.copied') : wt('token.copy')}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
