import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** Field name → the message to show under that field. */
export type FieldErrors = Partial<Record<string, string>>;

// The server words field errors in English for developers. The ones a person can meet on the
// sign-in and activation forms are recognised and shown in the page's language; anything else is
// shown as the server wrote it rather than hidden.
function translateFieldError(field: string, message: string, t: TFunction): string {
  if (field === 'password') {
    if (/required/i.test(message)) return t('validation.passwordRequired');
    if (/at least/i.test(message)) return t('validation.passwordTooShort');
    if (/common/i.test(message)) return t('validation.passwordTooCommon');
  }
  if (field === 'name' && /required|at least 1/i.test(message)) return t('validation.nameRequired');
  if (field === 'email') return t('validation.emailInvalid');
  return message;
}

/** The per-field errors of a 400 validation_failed answer, ready to show under each field. */
export function fieldErrorsOf(error: unknown, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const fields: FieldErrors = {};
  for (const { field, message } of error.problem.errors ?? []) {
    // A path such as `body.password` or `password` names the same field.
    const name = field.split('.').pop() ?? field;
    fields[name] ??= translateFieldError(name, message, t);
  }
  return fields;
}

/**
 * A sentence for a failed request that the form does not handle on its own: too many attempts,
 * or a failure on the server or the network.
 */
export function generalProblemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'rate_limited') return t('errors.rateLimited');
  return t('errors.unexpected');
}
