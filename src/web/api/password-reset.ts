import { apiFetch } from './client.ts';
import type { SessionAnswer } from './session.ts';

/** `GET /auth/password-reset/:token`: whose password a reset link changes, read without using it. */
export interface PasswordResetView {
  email: string;
  /** ISO date-time. */
  expiresAt: string;
}

const resetPath = (token: string) => `/api/v1/auth/password-reset/${encodeURIComponent(token)}`;

/** Asks for a reset link; the answer is the same whether or not the email has an account. */
export function requestPasswordReset(email: string): Promise<void> {
  return apiFetch<void>('/api/v1/auth/password-reset', { method: 'POST', body: { email } });
}

export function fetchPasswordReset(token: string): Promise<PasswordResetView> {
  return apiFetch<PasswordResetView>(resetPath(token));
}

/** Sets the new password; the server ends every older session and signs this browser in. */
export function completePasswordReset(token: string, password: string): Promise<SessionAnswer> {
  return apiFetch<SessionAnswer>(resetPath(token), { method: 'POST', body: { password } });
}
