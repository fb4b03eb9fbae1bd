import type { InvitationKind, Language } from '../../../shared/roles.ts';
import type { Database } from '../../db/client.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { invitationMail } from '../mail/templates.tsx';

/** Queues the activation mail of an invitation; the link is `PUBLIC_URL/activate/<token>`. */
export async function sendInvitationMail(
  db: Database,
  input: {
    to: string;
    kind: InvitationKind;
    language: Language;
    inviterName: string;
    what: string;
    token: string;
    expiresAt: Date;
    publicUrl: string;
    now: Date;
  },
): Promise<void> {
  await enqueueMail(
    db,
    invitationMail({
      to: input.to,
      language: input.language,
      inviterName: input.inviterName,
      what: input.what,
      link: `${input.publicUrl}/activate/${input.token}`,
      expiresAt: input.expiresAt,
      topic: `invitation:${input.kind}`,
    }),
    input.now,
  );
}
