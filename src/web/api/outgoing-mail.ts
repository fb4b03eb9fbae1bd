import { apiFetch } from './client.ts';
import { type ListPage, queryString } from './lists.ts';

export type MailStatus = 'pending' | 'sent' | 'failed';

/** One mail in the outbox; its body stays on the server, since activation links are secrets. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  topic: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export const OUTGOING_MAIL_KEY = ['outgoing-mail'] as const;

export function fetchOutgoingMail(search: {
  status: MailStatus;
  cursor?: string;
}): Promise<ListPage<OutgoingMail>> {
  return apiFetch(`/api/v1/admin/mail${queryString({ ...search })}`);
}
