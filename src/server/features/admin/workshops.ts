import { and, asc, eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { organizations } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { prefixPattern } from '../../lib/search.ts';

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const WorkshopFields = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(500).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Copenhagen').optional(),
});

export const Workshop = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  timeZone: z.string(),
});

const columns = {
  id: organizations.id,
  name: organizations.name,
  address: organizations.address,
  phone: organizations.phone,
  timeZone: organizations.timeZone,
};

export async function createWorkshop(db: Database, input: z.infer<typeof WorkshopFields>) {
  const [workshop] = await db
    .insert(organizations)
    .values({ kind: 'workshop', ...input })
    .returning(columns);
  if (!workshop) throw new Error('insert returned no workshop');
  return workshop;
}

export async function updateWorkshop(
  db: Database,
  id: string,
  input: Partial<z.infer<typeof WorkshopFields>>,
) {
  const [workshop] = await db
    .update(organizations)
    .set(input)
    .where(and(eq(organizations.id, id), eq(organizations.kind, 'workshop')))
    .returning(columns);
  if (!workshop) throw notFound();
  return workshop;
}

/** Workshops by name; `q` is a prefix of the name. Few enough that one page of 200 is all. */
export function listWorkshops(db: Database, q: string | undefined) {
  const pattern = prefixPattern(q);
  return db
    .select(columns)
    .from(organizations)
    .where(
      and(
        eq(organizations.kind, 'workshop'),
        pattern ? like(sql`lower(${organizations.name})`, pattern) : undefined,
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(200);
}
