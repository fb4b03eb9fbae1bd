import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Says that something asked for was done (an invitation sent, one revoked), until dismissed. */
export function DoneNotice({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert
      color="green"
      role="status"
      title={t('people.doneTitle')}
      withCloseButton
      closeButtonLabel={t('dialog.dismiss')}
      onClose={onDismiss}
    >
      {message}
    </Alert>
  );
}
