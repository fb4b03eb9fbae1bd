import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPasswordReset } from '../../api/password-reset.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { Page } from '../../components/page.tsx';
import { fieldErrorsOf, generalProblemMessage } from '../../components/problem-messages.ts';
import { AnchorLink } from '../../components/router-links.tsx';

/**
 * Asks for a password reset link. The confirmation is the same whether or not the email has an
 * account, so the page cannot be used to find out who uses keyfob.
 */
export function RequestPasswordResetPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const request = useMutation({ mutationFn: requestPasswordReset });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = !email.trim()
      ? t('validation.emailRequired')
      : looksLikeEmail(email)
        ? undefined
        : t('validation.emailInvalid');
    setEmailError(problem);
    if (!problem) request.mutate(email.trim());
  };

  if (request.isSuccess) {
    return (
      <Page title={t('resetPassword.requestTitle')}>
        <Stack gap="md" maw="32rem" align="flex-start">
          <Alert color="blue" title={t('resetPassword.sentTitle')} role="status" w="100%">
            {t('resetPassword.sent')}
          </Alert>
          <AnchorLink to="/login">{t('resetPassword.backToSignIn')}</AnchorLink>
        </Stack>
      </Page>
    );
  }

  const serverEmailError = fieldErrorsOf(request.error, t).email;
  const otherError = request.error && !serverEmailError ? generalProblemMessage(request.error, t) : undefined;

  return (
    <Page title={t('resetPassword.requestTitle')}>
      <Stack gap="md" maw="28rem" w="100%">
        <Text>{t('resetPassword.requestIntro')}</Text>
        {otherError ? (
          <Alert color="red" title={t('errors.title')}>
            {otherError}
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              withAsterisk={false}
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailError ?? serverEmailError}
              errorProps={{ role: 'alert' }}
            />
            <Button type="submit" loading={request.isPending}>
              {t('resetPassword.send')}
            </Button>
          </Stack>
        </form>
        <AnchorLink to="/login">{t('resetPassword.backToSignIn')}</AnchorLink>
      </Stack>
    </Page>
  );
}
