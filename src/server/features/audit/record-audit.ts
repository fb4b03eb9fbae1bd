import type { Database } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';

export interface AuditEvent {
  action: string;
  actorUserId?: string | null;
  actorEmail?: string | null;
  subjectType: string;
  subjectId?: string | null;
  organizationId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Adds one line to the audit log, inside the caller's transaction so it stands or falls with the act. */
export async function recordAudit(db: Database, event: AuditEvent, at: Date): Promise<void> {
  await db.insert(auditEvents).values({ ...event, details: event.details ?? {}, at });
}
