import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';
import { accountMemberships, accounts, chargingKeys } from '../../db/schema/index.ts';
import { meterNonsense } from './plausibility.ts';
import type { ChargingSessionInput, SessionRefusal } from './schemas.ts';

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { id: string; reason: SessionRefusal }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A uuid in the form the database answers with, or null for anything else. */
function uuidOrNull(text: string | null | undefined): string | null {
  const lower = text?.trim().toLowerCase();
  return lower && UUID.test(lower) ? lower : null;
}

/**
 * Stores a back end's batch: sessions that cannot be true, or name an account that does not exist
 * or a user who is not a member of it, are refused one by one with a reason; the rest go in with
 * one statement, where a session id the back end sent before is skipped (idempotent re-sends).
 */
export async function ingestChargingSessions(
  db: Database,
  chargingKeyId: string,
  sessions: readonly ChargingSessionInput[],
  now: Date,
): Promise<IngestResult> {
  const rejected: IngestResult['rejected'] = [];
  const plausible: ChargingSessionInput[] = [];
  for (const session of sessions) {
    const reason = meterNonsense(session, now);
    if (reason) rejected.push({ id: session.id, reason });
    else plausible.push(session);
  }

  const accountIds = [
    ...new Set(plausible.map((s) => uuidOrNull(s.accountId)).filter((id): id is string => id !== null)),
  ];
  const userIds = [
    ...new Set(plausible.map((s) => uuidOrNull(s.userId)).filter((id): id is string => id !== null)),
  ];
  const known = new Set(
    accountIds.length
      ? (await db.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, accountIds))).map(
          (row) => row.id,
        )
      : [],
  );
  const members = new Set(
    accountIds.length && userIds.length
      ? (
          await db
            .select({ accountId: accountMemberships.accountId, userId: accountMemberships.userId })
            .from(accountMemberships)
            .where(
              and(
                inArray(accountMemberships.accountId, accountIds),
                inArray(accountMemberships.userId, userIds),
              ),
            )
        ).map((row) => `${row.accountId}/${row.userId}`)
      : [],
  );

  const rows: object[] = [];
  for (const session of plausible) {
    const accountId = uuidOrNull(session.accountId);
    const hasUser = session.userId !== undefined && session.userId !== null;
    const userId = uuidOrNull(session.userId);
    if (!accountId || !known.has(accountId)) {
      rejected.push({ id: session.id, reason: 'unknown_account' });
    } else if (hasUser && (!userId || !members.has(`${accountId}/${userId}`))) {
      rejected.push({ id: session.id, reason: 'user_not_member' });
    } else {
      rows.push({
        id: session.id,
        accountId,
        userId,
        chargerId: session.chargerId,
        private: session.private,
        startedAt: session.startedAt,
        endedAt: session.endedAt,
        energyWh: session.energyWh,
      });
    }
  }
  if (rows.length === 0) return { accepted: 0, duplicates: 0, rejected };

  const result = await db.execute(sql`
    with added as (
      insert into charging_sessions
        (charging_key_id, external_id, account_id, user_id, charger_id, is_private, started_at, ended_at,
         energy_wh, received_at)
      select ${chargingKeyId}::uuid, s.id, s."accountId"::uuid, s."userId"::uuid, s."chargerId", s.private,
             s."startedAt", s."endedAt", s."energyWh", ${now.toISOString()}::timestamptz
      from json_to_recordset(${JSON.stringify(rows)}::json) as s(
        id text, "accountId" text, "userId" text, "chargerId" text, private boolean,
        "startedAt" timestamptz, "endedAt" timestamptz, "energyWh" integer)
      on conflict (charging_key_id, external_id) do nothing
      returning 1
    )
    select count(*)::int as accepted from added`);
  const accepted = rowsOf<{ accepted: number }>(result)[0]?.accepted ?? 0;
  await db.update(chargingKeys).set({ lastUsedAt: now }).where(eq(chargingKeys.id, chargingKeyId));
  return { accepted, duplicates: rows.length - accepted, rejected };
}
