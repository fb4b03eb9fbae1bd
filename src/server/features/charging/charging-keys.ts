import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { chargingKeys } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { hashToken, newToken, tokenMatches } from '../../lib/tokens.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { recordAudit } from '../audit/record-audit.ts';

/**
 * A key reads `kfc_<key id, 32 hex>_<secret, 43 base64url>`: the id finds the row, the secret is
 * compared with the stored hash in constant time. The prefix lets secret scanners spot a leak.
 */
const KEY_PATTERN = /^kfc_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
// Compared against when the id is unknown, so an unknown id takes as long as a wrong secret.
const UNUSED_HASH = hashToken('no such charging key');

function keyText(id: string, secret: string): string {
  return `kfc_${id.replaceAll('-', '')}_${secret}`;
}

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The charging key (back end) a presented key belongs to, unless unknown, wrong or revoked. */
export async function findChargingKey(db: Database, key: string | undefined): Promise<string | undefined> {
  const match = key ? KEY_PATTERN.exec(key) : null;
  const [, hex, secret] = match ?? [];
  if (!hex || !secret) return undefined;
  const [row] = await db
    .select({ id: chargingKeys.id, secretHash: chargingKeys.secretHash, revokedAt: chargingKeys.revokedAt })
    .from(chargingKeys)
    .where(eq(chargingKeys.id, uuidOf(hex)));
  const matches = tokenMatches(secret, row?.secretHash ?? UNUSED_HASH);
  return row && matches && !row.revokedAt ? row.id : undefined;
}

/** Stores a new back end with a fresh key; the key leaves only in the answer. */
export async function insertChargingKey(
  db: Database,
  input: { name: string; createdByUserId: string | null; now: Date },
): Promise<{ id: string; name: string; key: string }> {
  const { token, hash } = newToken();
  const [row] = await db
    .insert(chargingKeys)
    .values({
      name: input.name,
      secretHash: hash,
      createdAt: input.now,
      createdByUserId: input.createdByUserId,
    })
    .returning({ id: chargingKeys.id });
  if (!row) throw new Error('insert returned no charging key');
  return { id: row.id, name: input.name, key: keyText(row.id, token) };
}

/** A new key for one charging back end; the key is in this answer only. */
export async function createChargingKey(
  db: Database,
  actor: Actor,
  name: string,
  now: Date,
): Promise<{ id: string; name: string; key: string }> {
  authorize(actor, 'charging.keys.manage');
  return db.transaction(async (tx) => {
    const created = await insertChargingKey(tx, { name, createdByUserId: actor.user.id, now });
    await recordAudit(
      tx,
      {
        action: 'charging_key.created',
        actorUserId: actor.user.id,
        subjectType: 'charging_key',
        subjectId: created.id,
        details: { name },
      },
      now,
    );
    return created;
  });
}

/**
 * A new secret for the same back end: the old key stops working at once, and re-sent sessions
 * are still recognised (their ids are unique per back end, not per secret).
 */
export async function rotateChargingKey(
  db: Database,
  actor: Actor,
  id: string,
  now: Date,
): Promise<{ id: string; name: string; key: string }> {
  authorize(actor, 'charging.keys.manage');
  const { token, hash } = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(chargingKeys)
      .set({ secretHash: hash, rotatedAt: now })
      .where(and(eq(chargingKeys.id, id), isNull(chargingKeys.revokedAt)))
      .returning({ id: chargingKeys.id, name: chargingKeys.name });
    if (!row) throw notFound('No such charging key, or it is revoked');
    await recordAudit(
      tx,
      {
        action: 'charging_key.rotated',
        actorUserId: actor.user.id,
        subjectType: 'charging_key',
        subjectId: id,
      },
      now,
    );
    return { id: row.id, name: row.name, key: keyText(row.id, token) };
  });
}

/** Revokes the key for good; its sessions and statements stay. Revoking twice is no error. */
export async function revokeChargingKey(db: Database, actor: Actor, id: string, now: Date): Promise<void> {
  authorize(actor, 'charging.keys.manage');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ revokedAt: chargingKeys.revokedAt })
      .from(chargingKeys)
      .where(eq(chargingKeys.id, id));
    if (!row) throw notFound();
    if (row.revokedAt) return;
    await tx.update(chargingKeys).set({ revokedAt: now }).where(eq(chargingKeys.id, id));
    await recordAudit(
      tx,
      {
        action: 'charging_key.revoked',
        actorUserId: actor.user.id,
        subjectType: 'charging_key',
        subjectId: id,
      },
      now,
    );
  });
}

/** Every key, newest first, without secrets. */
export function listChargingKeys(db: Database) {
  return db
    .select({
      id: chargingKeys.id,
      name: chargingKeys.name,
      createdAt: chargingKeys.createdAt,
      rotatedAt: chargingKeys.rotatedAt,
      lastUsedAt: chargingKeys.lastUsedAt,
      revokedAt: chargingKeys.revokedAt,
    })
    .from(chargingKeys)
    .orderBy(desc(chargingKeys.createdAt), desc(chargingKeys.id));
}
