import { and, desc, eq, gt, lt, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, rowsOf } from '../../db/client.ts';
import {
  chatMailMarks,
  conversationReads,
  messages,
  notificationPreferences,
  users,
  vehicles,
} from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { WORKSHOP_CHAT_ROLES } from '../../policy/rules/chat.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { chatDigestMail } from '../mail/templates.tsx';

/**
 * A participant who has not read new messages this long after the first of them is taken to be
 * away: they get one mail for everything unread since their last mail, then nothing more until
 * the next quiet period has passed. Someone with the chat open reads as messages arrive.
 */
export const CHAT_MAIL_QUIET_MS = 5 * 60 * 1000;
/** Older unread messages are not mailed about: no mail for a backlog from before a long absence. */
const LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;
/** How many of the batch's messages the mail quotes; it counts the rest. */
const QUOTED = 10;

interface DueRow {
  vehicle_id: string;
  user_id: string;
  newest: Date | string;
  is_vehicle_user: boolean;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/**
 * Queues one mail per conversation and participant whose unread messages, not yet mailed about,
 * began more than the quiet period ago. Each batch is claimed by moving the participant's mail
 * mark forward in the mail's own transaction, so instances running this at once mail once.
 * Participants who turned chat mail off are skipped (their mark still moves). Returns mails queued.
 */
export async function sendChatMails(
  db: Database,
  context: { now: Date; publicUrl: string },
): Promise<number> {
  const { now } = context;
  const quietSince = new Date(now.getTime() - CHAT_MAIL_QUIET_MS).toISOString();
  const lookback = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  const staffRoles = sql.join(
    WORKSHOP_CHAT_ROLES.map((role) => sql`${role}`),
    sql`, `,
  );
  // Conversations with a message old enough to be due; then, per participant, two probes of the
  // (vehicle, time) index: their first unread message from others, and their newest.
  const due = rowsOf<DueRow>(
    await db.execute(sql`
      with settled as (
        select distinct vehicle_id from messages
        where created_at > ${lookback}::timestamptz and created_at <= ${quietSince}::timestamptz
      ), participants as (
        select vm.vehicle_id, vm.user_id, true as is_vehicle_user
        from vehicle_memberships vm join settled using (vehicle_id)
        union all
        select v.id, sm.user_id, false
        from settled join vehicles v on v.id = settled.vehicle_id
        join staff_memberships sm on sm.organization_id = v.workshop_id
          and sm.roles && array[${staffRoles}]::staff_role[]
        where not exists (
          select 1 from vehicle_memberships own where own.vehicle_id = v.id and own.user_id = sm.user_id)
      ), candidates as (
        select p.vehicle_id, p.user_id, bool_or(p.is_vehicle_user) as is_vehicle_user,
          greatest(max(r.read_up_to), max(k.mailed_up_to), ${lookback}::timestamptz) as since
        from participants p
        join users u on u.id = p.user_id and u.status = 'active'
        left join conversation_reads r on r.vehicle_id = p.vehicle_id and r.user_id = p.user_id
        left join chat_mail_marks k on k.vehicle_id = p.vehicle_id and k.user_id = p.user_id
        group by p.vehicle_id, p.user_id
      )
      select c.vehicle_id, c.user_id, c.is_vehicle_user, newest.created_at as newest
      from candidates c
      cross join lateral (
        select m.created_at from messages m
        where m.vehicle_id = c.vehicle_id and m.created_at > c.since
          and m.author_user_id is distinct from c.user_id
        order by m.created_at limit 1
      ) first_unread
      cross join lateral (
        select m.created_at from messages m
        where m.vehicle_id = c.vehicle_id and m.created_at > c.since
          and m.author_user_id is distinct from c.user_id
        order by m.created_at desc limit 1
      ) newest
      where first_unread.created_at <= ${quietSince}::timestamptz`),
  );
  let queued = 0;
  for (const row of due) {
    if (await mailOneBatch(db, row, context)) queued++;
  }
  return queued;
}

async function mailOneBatch(
  db: Database,
  row: DueRow,
  context: { now: Date; publicUrl: string },
): Promise<boolean> {
  const newest = asDate(row.newest);
  return db.transaction(async (tx) => {
    const [mark] = await tx
      .select({ mailedUpTo: chatMailMarks.mailedUpTo })
      .from(chatMailMarks)
      .where(and(eq(chatMailMarks.vehicleId, row.vehicle_id), eq(chatMailMarks.userId, row.user_id)));
    const [claimed] = await tx
      .insert(chatMailMarks)
      .values({ vehicleId: row.vehicle_id, userId: row.user_id, mailedUpTo: newest })
      .onConflictDoUpdate({
        target: [chatMailMarks.vehicleId, chatMailMarks.userId],
        set: { mailedUpTo: newest },
        setWhere: lt(chatMailMarks.mailedUpTo, newest),
      })
      .returning({ vehicleId: chatMailMarks.vehicleId });
    if (!claimed) return false;

    const [person] = await tx
      .select({
        email: users.email,
        language: users.language,
        wantsEmail: notificationPreferences.email,
        registrationNumber: vehicles.registrationNumber,
        make: vehicles.make,
        model: vehicles.model,
        workshopId: vehicles.workshopId,
        readUpTo: conversationReads.readUpTo,
      })
      .from(users)
      .innerJoin(vehicles, eq(vehicles.id, row.vehicle_id))
      .leftJoin(
        notificationPreferences,
        and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, 'chat_messages')),
      )
      .leftJoin(
        conversationReads,
        and(eq(conversationReads.userId, users.id), eq(conversationReads.vehicleId, row.vehicle_id)),
      )
      .where(eq(users.id, row.user_id));
    if (!person || person.wantsEmail === false) return false;

    const after = [mark?.mailedUpTo, person.readUpTo].filter((at): at is Date => at instanceof Date);
    const pending = and(
      eq(messages.vehicleId, row.vehicle_id),
      or(sql`${messages.authorUserId} is null`, sql`${messages.authorUserId} <> ${row.user_id}`),
      lte(messages.createdAt, newest),
      gt(messages.createdAt, new Date(context.now.getTime() - LOOKBACK_MS)),
      ...after.map((at) => gt(messages.createdAt, at)),
    );
    const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(messages).where(pending);
    const total = counted?.total ?? 0;
    if (total === 0) return false;
    const quoted = await tx
      .select({ authorName: messages.authorName, body: messages.body, createdAt: messages.createdAt })
      .from(messages)
      .where(pending)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(QUOTED);

    const link = row.is_vehicle_user
      ? `${context.publicUrl}/app/chat?vehicle=${row.vehicle_id}`
      : `${context.publicUrl}/workshop/inbox?workshop=${person.workshopId}&vehicle=${row.vehicle_id}`;
    await enqueueMail(
      tx,
      chatDigestMail({
        to: person.email,
        language: person.language,
        car: `${person.registrationNumber} (${person.make} ${person.model})`,
        messages: quoted.reverse(),
        total,
        link,
      }),
      context.now,
    );
    return true;
  });
}

/** Runs `sendChatMails` every minute on every instance, waking the mail worker when it queued. */
export function startChatMailer(options: {
  db: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  publicUrl: string;
  onQueued: () => void;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let isStopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (isStopped) return;
      try {
        const queued = await sendChatMails(options.db, {
          now: options.clock.now(),
          publicUrl: options.publicUrl,
        });
        if (queued > 0) {
          options.log.info({ queued }, 'chat mails queued');
          options.onQueued();
        }
      } catch (error) {
        options.log.error({ err: error }, 'chat mail round failed');
      }
    });
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
