import { inArray, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/client.ts';
import { users, vehicleMemberships } from '../../db/schema/index.ts';

interface InboxRow {
  vehicle_id: string;
  registration_number: string;
  make: string;
  model: string;
  last_id: string;
  last_body: string;
  last_author_name: string;
  last_author_role: 'primary' | 'secondary' | 'workshop';
  last_created_at: Date | string;
  unread: number;
}

const INBOX_SIZE = 100;

/**
 * A workshop's conversations for one of its staff: unread first, then newest first, each with the
 * vehicle, its primary user and its secondary users (names only), and the last message.
 */
export async function workshopInbox(db: Database, workshopId: string, userId: string) {
  const result = await db.execute(sql`
    select * from (
    select v.id as vehicle_id, v.registration_number, v.make, v.model,
      last.id as last_id, last.body as last_body, last.author_name as last_author_name,
      last.author_role as last_author_role, last.created_at as last_created_at,
      (select count(*) from messages m
        left join conversation_reads r on r.vehicle_id = m.vehicle_id and r.user_id = ${userId}
        where m.vehicle_id = v.id and m.author_user_id is distinct from ${userId}
          and (r.read_up_to is null or m.created_at > r.read_up_to))::int as unread
    from vehicles v
    join lateral (
      select * from messages m where m.vehicle_id = v.id order by m.created_at desc, m.id desc limit 1
    ) last on true
    where v.workshop_id = ${workshopId}
    ) conversation
    order by (conversation.unread > 0) desc, conversation.last_created_at desc
    limit ${INBOX_SIZE}`);
  const rows = rowsOf<InboxRow>(result);
  const people = rows.length
    ? await db
        .select({
          vehicleId: vehicleMemberships.vehicleId,
          id: users.id,
          name: users.name,
          role: vehicleMemberships.role,
        })
        .from(vehicleMemberships)
        .innerJoin(users, sql`${users.id} = ${vehicleMemberships.userId}`)
        .where(
          inArray(
            vehicleMemberships.vehicleId,
            rows.map((row) => row.vehicle_id),
          ),
        )
        .orderBy(users.name)
    : [];
  const items = rows.map((row) => {
    const mine = people.filter((person) => person.vehicleId === row.vehicle_id);
    const primary = mine.find((person) => person.role === 'primary');
    const createdAt =
      row.last_created_at instanceof Date ? row.last_created_at : new Date(row.last_created_at);
    return {
      vehicle: {
        id: row.vehicle_id,
        registrationNumber: row.registration_number,
        make: row.make,
        model: row.model,
      },
      primaryUser: primary ? { id: primary.id, name: primary.name } : null,
      secondaryUsers: mine
        .filter((person) => person.role === 'secondary')
        .map((person) => ({ id: person.id, name: person.name })),
      lastMessage: {
        id: row.last_id,
        body: row.last_body,
        author: { name: row.last_author_name },
        authorRole: row.last_author_role,
        createdAt,
      },
      unreadCount: row.unread,
    };
  });
  return { items, nextCursor: null };
}
