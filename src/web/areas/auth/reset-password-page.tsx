import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { completePasswordReset, fetchPasswordReset } from '../../api/password-reset.ts';
import { isLongEnoughPassword } from '../../components/form-checks.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { fieldErrorsOf, generalProblemMessage } from '../../components/problem-messages.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { LinkCheckFailed, LinkProblem } from './link-problem.tsx';
import { useEnterApp } from './use-enter-app.ts';

/** Why a reset link does not work, with the way to a new one; or a retry after a failure. */
function ResetLinkProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const requestNew = (
    <ButtonLink key="new" to="/reset-password">
      {t('resetPassword.requestNew')}
    </ButtonLink>
  );
  switch (error instanceof ApiError ? error.code : undefined) {
    case 'link_expired':
      return (
        <LinkProblem
          title={t('resetPassword.expiredTitle')}
          explanation={t('resetPassword.expired')}
          actions={requestNew}
        />
      );
    case 'link_used':
      return (
        <LinkProblem
          title={t('resetPassword.usedTitle')}
          explanation={t('resetPassword.used')}
          actions={[
            <ButtonLink key="login" to="/login">
              {t('nav.signIn')}
            </ButtonLink>,
            <ButtonLink key="new" to="/reset-password" variant="default">
              {t('resetPassword.requestNew')}
            </ButtonLink>,
          ]}
        />
      );
    case 'link_revoked':
      return (
        <LinkProblem
          title={t('resetPassword.revokedTitle')}
          explanation={t('resetPassword.revoked')}
          actions={requestNew}
        />
      );
    case 'link_not_found':
      return (
        <LinkProblem
          title={t('resetPassword.notFoundTitle')}
          explanation={t('resetPassword.notFound')}
          actions={requestNew}
        />
      );
    default:
      return <LinkCheckFailed title={t('resetPassword.failedTitle')} onRetry={onRetry} />;
  }
}

/** Where a reset link (`/reset-password/$token`) lands: choose a new password, then signed in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/reset-password/$token' });
  const enterApp = useEnterApp();
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string | undefined>();
  const link = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => fetchPasswordReset(token),
    // The link changes only through this page's own action, which reloads it on purpose.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const reset = useMutation({
    mutationFn: (newPassword: string) => completePasswordReset(token, newPassword),
    onSuccess: () => enterApp(),
    onError: (error) => {
      // Used, superseded or expired meanwhile: show the page that says so.
      if (error instanceof ApiError && (error.status === 410 || error.status === 404)) void link.refetch();
    },
  });

  if (link.isPending) {
    return (
      <Page title={t('resetPassword.title')}>
        <LoadingState
          title={t('resetPassword.checkingTitle')}
          description={t('resetPassword.checkingDescription')}
        />
      </Page>
    );
  }
  if (link.isError) return <ResetLinkProblem error={link.error} onRetry={() => void link.refetch()} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = !password
      ? t('validation.passwordRequired')
      : isLongEnoughPassword(password)
        ? undefined
        : t('validation.passwordTooShort');
    setClientError(problem);
    if (!problem) reset.mutate(password);
  };

  const serverError = fieldErrorsOf(reset.error, t).password;
  const otherError =
    reset.error && !serverError && !(reset.error instanceof ApiError && reset.error.status === 410)
      ? generalProblemMessage(reset.error, t)
      : undefined;
  const language = currentLanguage();

  return (
    <Page title={t('resetPassword.title')}>
      <Stack gap="md" maw="28rem" w="100%">
        <Stack gap="xs">
          <Text>{t('resetPassword.intro', { email: link.data.email })}</Text>
          <Text c="dimmed">
            {t('datetime.linkValidUntil', { date: formatDateTime(link.data.expiresAt, language) })}
          </Text>
        </Stack>
        {otherError ? (
          <Alert color="red" title={t('errors.title')}>
            {otherError}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {/* Lets a password manager store the new password under the right account. */}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              value={link.data.email}
              readOnly
              variant="filled"
            />
            <PasswordField
              label={t('fields.newPassword')}
              description={t('fields.passwordHint')}
              autoComplete="new-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={clientError ?? serverError}
              errorProps={{ role: 'alert' }}
            />
            <Button type="submit" loading={reset.isPending || reset.isSuccess}>
              {t('resetPassword.submit')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Page>
  );
}
