import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { logIn, useMe } from '../../api/session.ts';
import { looksLikeEmail } from '../../components/form-checks.ts';
import { Page } from '../../components/page.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { type FieldErrors, generalProblemMessage } from '../../components/problem-messages.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { homeAreaPath } from '../area-access.ts';
import { useEnterApp } from './use-enter-app.ts';

/** Sign-in with email and password; afterwards back to `?next=` or to the person's area. */
export function LoginPage() {
  const { t } = useTranslation();
  const { next } = useSearch({ from: '/login' });
  const me = useMe();
  const navigate = useNavigate();
  const enterApp = useEnterApp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const login = useMutation({
    mutationFn: logIn,
    onSuccess: () => enterApp(next),
  });

  const signedIn = me.data;
  const isIdle = login.isIdle;
  useEffect(() => {
    // Someone already signed in has nothing to do here. While a sign-in of this page is under
    // way, enterApp does the navigating.
    if (signedIn && isIdle) void navigate({ href: next ?? homeAreaPath(signedIn), replace: true });
  }, [signedIn, isIdle, next, navigate]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('validation.emailRequired');
    else if (!looksLikeEmail(email)) errors.email = t('validation.emailInvalid');
    if (!password) errors.password = t('validation.passwordRequired');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate({ email: email.trim(), password });
  };

  const error = login.error;
  const errorMessage =
    error instanceof ApiError && error.code === 'invalid_credentials'
      ? t('login.invalidCredentials')
      : error
        ? generalProblemMessage(error, t)
        : undefined;

  return (
    <Page title={t('login.title')}>
      <Stack gap="md" maw="28rem" w="100%">
        <Text>{t('login.intro')}</Text>
        {errorMessage ? (
          <Alert color="red" title={t('errors.title')}>
            {errorMessage}
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
              error={fieldErrors.email}
              errorProps={{ role: 'alert' }}
            />
            <PasswordField
              label={t('fields.password')}
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
              errorProps={{ role: 'alert' }}
            />
            <Button type="submit" loading={login.isPending || login.isSuccess}>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
        <AnchorLink to="/reset-password">{t('login.forgotPassword')}</AnchorLink>
      </Stack>
    </Page>
  );
}
