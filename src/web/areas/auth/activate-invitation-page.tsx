import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  type AcceptInvitationBody,
  acceptInvitation,
  fetchInvitation,
  type InvitationView,
} from '../../api/invitations.ts';
import { type Me, useMe } from '../../api/session.ts';
import { isLongEnoughPassword } from '../../components/form-checks.ts';
import { formatDateTime } from '../../components/format.ts';
import { LoadingState } from '../../components/loading-state.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { type FieldErrors, fieldErrorsOf, generalProblemMessage } from '../../components/problem-messages.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import {
  CompanyFields,
  clearChangedCompanyErrors,
  companyErrors,
  EMPTY_COMPANY,
  trimmedCompany,
} from './company-fields.tsx';
import { LinkCheckFailed, LinkProblem } from './link-problem.tsx';
import { useEnterApp } from './use-enter-app.ts';
import { useSignOut } from './use-sign-out.ts';

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The inviter's name carried by a 410 answer, when the server knows it. */
function inviterOf(error: ApiError): string | undefined {
  const invitedBy = error.problem.invitedBy;
  if (typeof invitedBy !== 'object' || invitedBy === null || !('name' in invitedBy)) return undefined;
  return typeof invitedBy.name === 'string' ? invitedBy.name : undefined;
}

/** Why the link does not work (expired, used, revoked, unknown), or a retry after a failure. */
function InvitationProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : undefined;
  const inviter = error instanceof ApiError ? inviterOf(error) : undefined;
  switch (code) {
    case 'invitation_expired':
      return (
        <LinkProblem
          title={t('activate.expiredTitle')}
          explanation={inviter ? t('activate.expired', { inviter }) : t('activate.expiredNoInviter')}
        />
      );
    case 'invitation_used':
      return (
        <LinkProblem
          title={t('activate.usedTitle')}
          explanation={t('activate.used')}
          actions={<ButtonLink to="/login">{t('nav.signIn')}</ButtonLink>}
        />
      );
    case 'invitation_revoked':
      return (
        <LinkProblem
          title={t('activate.revokedTitle')}
          explanation={inviter ? t('activate.revoked', { inviter }) : t('activate.revokedNoInviter')}
        />
      );
    case 'invitation_not_found':
      return <LinkProblem title={t('activate.notFoundTitle')} explanation={t('activate.notFound')} />;
    default:
      return <LinkCheckFailed title={t('activate.failedTitle')} onRetry={onRetry} />;
  }
}

interface AcceptFormProps {
  token: string;
  invitation: InvitationView;
  me: Me | null;
  /** Reloads the invitation and the session after an answer that says one of them changed. */
  onStale: () => void;
}

function useAccept({ token, onStale }: Pick<AcceptFormProps, 'token' | 'onStale'>) {
  const enterApp = useEnterApp();
  return useMutation({
    mutationFn: (body: AcceptInvitationBody) => acceptInvitation(token, body),
    onSuccess: () => enterApp(),
    onError: (error) => {
      // The link was used, revoked or expired meanwhile, or the account situation changed
      // (someone registered this email, or the session ended): the page must show the new state.
      if (
        error instanceof ApiError &&
        (error.status === 409 || error.status === 410 || error.status === 404)
      ) {
        onStale();
      }
    },
  });
}

/** A person without an account chooses a name and a password. */
function NewPersonForm({ token, invitation, onStale }: AcceptFormProps) {
  const { t } = useTranslation();
  const accept = useAccept({ token, onStale });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [company, setCompany] = useState(EMPTY_COMPANY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const needsCompany = invitation.needsCompanyDetails;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = needsCompany ? companyErrors(company, t) : {};
    if (!name.trim()) errors.name = t('validation.nameRequired');
    if (!password) errors.password = t('validation.passwordRequired');
    else if (!isLongEnoughPassword(password)) errors.password = t('validation.passwordTooShort');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    accept.mutate({
      name: name.trim(),
      password,
      language: currentLanguage(),
      ...(needsCompany ? { company: trimmedCompany(company) } : {}),
    });
  };

  const serverErrors = fieldErrorsOf(accept.error, t);
  const errors = { ...serverErrors, ...clientErrors };
  const otherError =
    accept.error &&
    Object.keys(serverErrors).length === 0 &&
    !(accept.error instanceof ApiError && accept.error.status === 409)
      ? generalProblemMessage(accept.error, t)
      : undefined;

  return (
    <Stack gap="md" maw="28rem" w="100%">
      <Text>{t('activate.newPersonIntro')}</Text>
      {needsCompany ? <Text>{t('company.intro')}</Text> : null}
      {otherError ? (
        <Alert color="red" title={t('errors.title')}>
          {otherError}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {/* Read-only: the invitation is for this address. It also tells a password manager the account. */}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            value={invitation.email}
            readOnly
            variant="filled"
          />
          <TextInput
            label={t('fields.name')}
            autoComplete="name"
            required
            withAsterisk={false}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            errorProps={{ role: 'alert' }}
          />
          <PasswordField
            label={t('fields.password')}
            description={t('fields.passwordHint')}
            autoComplete="new-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            errorProps={{ role: 'alert' }}
          />
          {needsCompany ? (
            <>
              {errors.company ? (
                <Text c="var(--mantine-color-error)" role="alert">
                  {errors.company}
                </Text>
              ) : null}
              <CompanyFields
                value={company}
                onChange={(next) => {
                  setClientErrors((current) => clearChangedCompanyErrors(current, company, next));
                  setCompany(next);
                }}
                errors={errors}
              />
            </>
          ) : null}
          <Button type="submit" loading={accept.isPending || accept.isSuccess}>
            {t('activate.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/**
 * Someone with an account accepts while signed in as it: one button, and nothing else to fill in
 * unless the invitation is for a business account still without its company details.
 */
function ExistingPersonAccept({ token, invitation, onStale }: AcceptFormProps) {
  const { t } = useTranslation();
  const accept = useAccept({ token, onStale });
  const [company, setCompany] = useState(EMPTY_COMPANY);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const needsCompany = invitation.needsCompanyDetails;
  const serverErrors = fieldErrorsOf(accept.error, t);
  const errors = { ...serverErrors, ...clientErrors };
  const otherError =
    accept.error &&
    Object.keys(serverErrors).length === 0 &&
    !(accept.error instanceof ApiError && accept.error.status === 409)
      ? generalProblemMessage(accept.error, t)
      : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = needsCompany ? companyErrors(company, t) : {};
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    accept.mutate(needsCompany ? { company: trimmedCompany(company) } : {});
  };

  return (
    <Stack gap="md" maw="28rem" w="100%">
      <Text>{t('activate.signedInAsInvitee', { email: invitation.email })}</Text>
      {needsCompany ? <Text>{t('company.intro')}</Text> : null}
      {otherError ? (
        <Alert color="red" title={t('errors.title')} w="100%">
          {otherError}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {needsCompany ? (
            <>
              {errors.company ? (
                <Text c="var(--mantine-color-error)" role="alert">
                  {errors.company}
                </Text>
              ) : null}
              <CompanyFields
                value={company}
                onChange={(next) => {
                  setClientErrors((current) => clearChangedCompanyErrors(current, company, next));
                  setCompany(next);
                }}
                errors={errors}
              />
            </>
          ) : null}
          <Group>
            <Button type="submit" loading={accept.isPending || accept.isSuccess}>
              {t('activate.accept')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** Signed in as another email: accepting would go to the wrong person, so sign out first. */
function SignedInAsSomeoneElse({ invitation, me }: { invitation: InvitationView; me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut({ stay: true });
  const values = { invitee: invitation.email, current: me.user.email };
  return (
    <Stack gap="md" align="flex-start">
      {/* Mantine's yellow title text is too pale on the yellow background (about 2:1). */}
      <Alert
        color="yellow"
        title={t('activate.mismatchTitle')}
        w="100%"
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        {invitation.existingUser
          ? t('activate.mismatchExisting', values)
          : t('activate.mismatchNewPerson', values)}
      </Alert>
      {signOut.isError ? (
        <Alert color="red" title={t('errors.title')} w="100%">
          {t('session.signOutFailed')}
        </Alert>
      ) : null}
      <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
        {t('session.signOut')}
      </Button>
    </Stack>
  );
}

/** What to do with a working link, depending on who (if anyone) is signed in. */
function AcceptStep(props: AcceptFormProps) {
  const { t } = useTranslation();
  const { token, invitation, me } = props;
  if (me && !sameEmail(me.user.email, invitation.email)) {
    return <SignedInAsSomeoneElse invitation={invitation} me={me} />;
  }
  if (!invitation.existingUser) return <NewPersonForm {...props} />;
  if (me) return <ExistingPersonAccept {...props} />;
  return (
    <Stack gap="md" align="flex-start">
      <Text>{t('activate.existingAccount', { email: invitation.email })}</Text>
      <ButtonLink to="/login" search={{ next: `/activate/${token}` }}>
        {t('activate.signInToAccept')}
      </ButtonLink>
    </Stack>
  );
}

/**
 * Where an invitation link (`/activate/$token`) lands: says who invited whom to what, then lets a
 * new person choose a name and password, or an existing one accept while signed in. A link that
 * no longer works gets a page saying why and what to do.
 */
export function ActivateInvitationPage() {
  const { t } = useTranslation();
  const { token } = useParams({ from: '/activate/$token' });
  const me = useMe();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => fetchInvitation(token),
    // The link changes only through this page's own actions, which reload it on purpose.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

  if (invitation.isPending || me.isPending) {
    return (
      <Page title={t('activate.title')}>
        <LoadingState title={t('activate.checkingTitle')} description={t('activate.checkingDescription')} />
      </Page>
    );
  }
  if (invitation.isError) {
    return <InvitationProblem error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }
  if (me.isError) {
    return <LinkCheckFailed title={t('activate.title')} onRetry={() => void me.refetch()} />;
  }

  const view = invitation.data;
  const language = currentLanguage();
  const description = view.description[language];
  return (
    <Page title={t('activate.title')}>
      <Stack gap="xs">
        <Text size="lg">
          {view.invitedBy
            ? t('activate.invitedBy', { inviter: view.invitedBy.name, description })
            : t('activate.invitedBySomeone', { description })}
        </Text>
        <Text c="dimmed">
          {t('datetime.linkValidUntil', { date: formatDateTime(view.expiresAt, language) })}
        </Text>
      </Stack>
      <AcceptStep
        token={token}
        invitation={view}
        me={me.data}
        onStale={() => {
          void invitation.refetch();
          void me.refetch();
        }}
      />
    </Page>
  );
}
