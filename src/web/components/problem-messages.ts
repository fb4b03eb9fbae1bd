import type { TFunction } from 'i18next';
import type { ProblemCode } from '../../shared/problems.ts';
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
  if (field === 'company') return t('company.required');
  if (field === 'company.name') return t('company.nameRequired');
  if (field === 'company.registrationNumber') return t('company.registrationNumberRequired');
  if (field === 'company.address') return t('company.addressRequired');
  if (field === 'company.country') return t('company.countryRequired');
  return message;
}

/** The per-field errors of a 400 validation_failed answer, ready to show under each field. */
export function fieldErrorsOf(error: unknown, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const fields: FieldErrors = {};
  for (const { field, message } of error.problem.errors ?? []) {
    // `body.password` and `password` name the same field; nested paths such as `company.name`
    // stay whole, since `name` alone is the person's own name.
    const name = field.replace(/^body\./, '');
    fields[name] ??= translateFieldError(name, message, t);
  }
  return fields;
}

/**
 * The fields a 400 validation_failed answer names, with the server's (English, developer-facing)
 * message. Forms that check the same things first show their own words for these fields.
 */
export function invalidFieldsOf(error: unknown): Set<string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return new Set();
  return new Set((error.problem.errors ?? []).map(({ field }) => field.replace(/^body\./, '')));
}

/**
 * A sentence for a failed request that the form does not handle on its own: too many attempts,
 * or a failure on the server or the network.
 */
export function generalProblemMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'rate_limited') return t('errors.rateLimited');
  if (error instanceof ApiError && error.code === 'forbidden') return t('errors.forbidden');
  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'invitation_not_pending')) {
    return t('errors.changedMeanwhile');
  }
  return t('errors.unexpected');
}

/** An area's own words for the problem codes its requests can meet. */
export type ProblemWords = Partial<Record<ProblemCode, string>>;

/**
 * A sentence for a failed request: the area's own words for its `code` when it has them (an
 * area keeps its texts beside its pages), else the general message above.
 */
export function problemMessage(error: unknown, t: TFunction, words: ProblemWords): string {
  if (error instanceof ApiError) {
    const own = words[error.code];
    if (own) return own;
  }
  return generalProblemMessage(error, t);
}
