import pg from 'pg';

/** Danish and English names; none starts with q, x, y or z, so prefixes on those letters match nobody. */
const DANISH_FIRST_NAMES = words(`
  Mads Mette Anne Jens Lars Søren Niels Hanne Kirsten Peter Morten Camilla Frederik Ida Freja Emil
  Mikkel Rasmus Louise Sofie Mathias Line Henrik Jesper Birgitte Karen Bent Ole Lone Trine Anders
  Kasper Julie Maja Signe Asger Åse Ebbe Gitte Torben Kristian Nanna`);
const DANISH_LAST_NAMES = words(`
  Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen Petersen
  Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller Mortensen Knudsen Jakobsen Lund
  Holm Kjær Dahl Bach Friis Østergaard Skov Brandt Lauridsen Vestergaard Frandsen Iversen`);
const ENGLISH_FIRST_NAMES = words(`
  Oliver Emma James Charlotte Harry Amelia George Olivia Jack Sophie William Grace Thomas Emily Daniel
  Hannah Michael Sarah David Laura Christopher Rachel Matthew Lucy Andrew Jessica`);
const ENGLISH_LAST_NAMES = words(`
  Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White
  Roberts Green Hall Wood Clarke Hughes Edwards Turner Cooper Baker`);
const PRIVATE_MAIL_DOMAINS = words(
  'gmail.com hotmail.com outlook.dk mail.dk yahoo.dk live.dk icloud.com jubii.dk',
);
/** A business account is `<owner's last name> <suffix>`, its mail domain `<last name><tail>`. */
const COMPANY_SUFFIXES = ['ApS', 'A/S', 'Transport ApS', 'Logistik A/S', 'VVS ApS', 'El-service', 'Ltd'];
const COMPANY_DOMAIN_TAILS = words('.dk -as.dk -transport.dk -logistik.dk -vvs.dk -el.dk .co.uk');
const CITIES = words('København Aarhus Odense Aalborg Esbjerg Randers Kolding Vejle');

/**
 * Members per account for each block of 12 accounts: 40 members per block, 10/3 per account on
 * average, so 3,000 accounts hold 10,000 members. Households are small, fleets larger.
 */
const ACCOUNT_SIZES = [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 4] as const;
const MEMBERS_PER_BLOCK = ACCOUNT_SIZES.reduce((sum, size) => sum + size, 0);

/** What the database holds after seeding, counted there rather than taken from what was sent. */
export interface SeededCustomers {
  accounts: number;
  /** Account memberships: the rows the customer list shows. */
  members: number;
  /** Distinct users with at least one membership. */
  customers: number;
  owners: number;
  drivers: number;
  businessAccounts: number;
}

function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** `Søren` → `soeren`: how Danes spell their names in email addresses. */
function toEmailStem(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Seeds `members` account members (each a distinct user) in about `members × 0.3` accounts of 1–6
 * members, with set-based SQL in one transaction, then ANALYZE. The schema must already exist:
 * keyfob's own migrations create it, so this runs after the server has started.
 *
 * Consumer accounts are households named after their owner, who share the owner's last name;
 * business accounts are companies with one or two owners and drivers with a reimbursement rate.
 * A quarter of the people are English-speaking. Every email carries the person's series number,
 * which keeps it unique without making names unrealistic.
 */
export async function seedCustomers(
  databaseUrl: string,
  options: { members: number },
): Promise<SeededCustomers> {
  const accountCount = Math.ceil((options.members * ACCOUNT_SIZES.length) / MEMBERS_PER_BLOCK);
  const client = new pg.Client({ connectionString: databaseUrl });
  // Failed queries reject on their own; without a listener a dropped connection would crash the run.
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TEMP TABLE seed_account ON COMMIT DROP AS
       SELECT a, gen_random_uuid() AS id, size, sum(size) OVER (ORDER BY a) - size AS first_index,
              size >= 4 AS is_business
       FROM (
         -- a * 7 walks all 12 sizes in every block (7 and 12 are coprime), so neighbours differ.
         SELECT a, ($2::int[])[1 + (a * 7) % array_length($2::int[], 1)] AS size
         FROM generate_series(1, $1::int) AS a
       ) AS sized`,
      [accountCount, ACCOUNT_SIZES],
    );
    await client.query(
      `CREATE TEMP TABLE seed_member ON COMMIT DROP AS
       WITH member AS (
         SELECT acc.a, acc.id AS account_id, acc.is_business, acc.size, k, acc.first_index + k AS n,
                -- A household shares its owner's name and language; colleagues each have their own.
                CASE WHEN acc.is_business THEN acc.first_index + k ELSE acc.first_index + 1 END AS family
         FROM seed_account AS acc, generate_series(1, acc.size) AS k
         WHERE acc.first_index + k <= $1::int
       ), picked AS (
         SELECT m.*,
                (hashint4(m.family::int)::bigint + 2147483648) % 4 = 0 AS is_english,
                hashint4(m.n::int)::bigint + 2147483648 AS first_hash,
                hashint4((m.family + 1000003)::int)::bigint + 2147483648 AS last_hash
         FROM member AS m
       )
       SELECT p.*, gen_random_uuid() AS user_id,
              CASE WHEN is_english THEN ($2::text[])[1 + first_hash % array_length($2::text[], 1)]
                   ELSE ($4::text[])[1 + first_hash % array_length($4::text[], 1)] END AS first_name,
              CASE WHEN is_english THEN ($3::text[])[1 + first_hash % array_length($3::text[], 1)]
                   ELSE ($5::text[])[1 + first_hash % array_length($5::text[], 1)] END AS first_stem,
              CASE WHEN is_english THEN ($6::text[])[1 + last_hash % array_length($6::text[], 1)]
                   ELSE ($8::text[])[1 + last_hash % array_length($8::text[], 1)] END AS last_name,
              CASE WHEN is_english THEN ($7::text[])[1 + last_hash % array_length($7::text[], 1)]
                   ELSE ($9::text[])[1 + last_hash % array_length($9::text[], 1)] END AS last_stem
       FROM picked AS p`,
      [
        options.members,
        ENGLISH_FIRST_NAMES,
        ENGLISH_FIRST_NAMES.map(toEmailStem),
        DANISH_FIRST_NAMES,
        DANISH_FIRST_NAMES.map(toEmailStem),
        ENGLISH_LAST_NAMES,
        ENGLISH_LAST_NAMES.map(toEmailStem),
        DANISH_LAST_NAMES,
        DANISH_LAST_NAMES.map(toEmailStem),
      ],
    );
    await client.query(
      `INSERT INTO accounts (id, name, type, company_name, company_registration_number, company_address,
                             company_country, created_at)
       SELECT acc.id,
              CASE WHEN acc.is_business THEN c.company ELSE owner.first_name || ' ' || owner.last_name END,
              (CASE WHEN acc.is_business THEN 'business' ELSE 'consumer' END)::account_type,
              CASE WHEN acc.is_business THEN c.company END,
              CASE WHEN acc.is_business THEN (10000000 + (acc.a * 7919) % 89999999)::text END,
              CASE WHEN acc.is_business
                   THEN 'Industrivej ' || (1 + acc.a % 140) || ', ' || ($2::text[])[1 + acc.a % array_length($2::text[], 1)]
              END,
              CASE WHEN acc.is_business THEN 'DK' END,
              now() - interval '30 days' - (max(acc.a) OVER () - acc.a) * interval '2 hours 15 minutes'
       FROM seed_account AS acc
       JOIN seed_member AS owner ON owner.account_id = acc.id AND owner.k = 1
       CROSS JOIN LATERAL (
         SELECT owner.last_name || ' ' || ($1::text[])[1 + acc.a % array_length($1::text[], 1)] AS company
       ) AS c`,
      [COMPANY_SUFFIXES, CITIES],
    );
    await client.query(
      `INSERT INTO users (id, email, name, language, status, created_at, deactivated_at)
       SELECT m.user_id, e.local || m.n || '@' || e.domain, m.first_name || ' ' || m.last_name,
              (CASE WHEN m.is_english THEN 'en' ELSE 'da' END)::language,
              (CASE WHEN m.n % 97 = 0 THEN 'deactivated' ELSE 'active' END)::user_status,
              a.created_at + m.k * interval '1 day',
              CASE WHEN m.n % 97 = 0 THEN a.created_at + interval '20 days' END
       FROM seed_member AS m
       JOIN accounts AS a ON a.id = m.account_id
       JOIN seed_member AS owner ON owner.account_id = m.account_id AND owner.k = 1
       CROSS JOIN LATERAL (
         SELECT CASE m.n % 5
                  WHEN 0 THEN m.first_stem || '.' || m.last_stem
                  WHEN 1 THEN m.first_stem
                  WHEN 2 THEN left(m.first_stem, 1) || '.' || m.last_stem
                  WHEN 3 THEN m.last_stem || '.' || m.first_stem
                  ELSE m.first_stem || '_' || left(m.last_stem, 1)
                END AS local,
                CASE WHEN m.is_business
                     THEN owner.last_stem || ($2::text[])[1 + m.a % array_length($2::text[], 1)]
                     ELSE ($1::text[])[1 + m.n % array_length($1::text[], 1)]
                END AS domain
       ) AS e`,
      [PRIVATE_MAIL_DOMAINS, COMPANY_DOMAIN_TAILS],
    );
    await client.query(
      `INSERT INTO account_memberships (account_id, user_id, role, reimbursement_rate_eur, created_at)
       SELECT m.account_id, m.user_id,
              (CASE WHEN m.k = 1 OR (m.is_business AND m.k = 2 AND m.size >= 5) THEN 'account_owner'
                    ELSE 'driver' END)::account_role,
              CASE WHEN m.is_business AND m.k > 1 THEN 0.2 + (m.n % 16) * 0.0125 END,
              u.created_at
       FROM seed_member AS m
       JOIN users AS u ON u.id = m.user_id`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const { rows } = await client.query<Record<keyof SeededCustomers, string>>(
      `SELECT (SELECT count(*) FROM accounts) AS accounts,
              (SELECT count(*) FROM accounts WHERE type = 'business') AS "businessAccounts",
              (SELECT count(*) FROM account_memberships m JOIN users u ON u.id = m.user_id) AS members,
              (SELECT count(DISTINCT user_id) FROM account_memberships) AS customers,
              (SELECT count(*) FROM account_memberships WHERE role = 'account_owner') AS owners,
              (SELECT count(*) FROM account_memberships WHERE role = 'driver') AS drivers`,
    );
    const [counts] = rows;
    if (counts === undefined) throw new Error('seed: the count query returned no row');
    return {
      accounts: Number(counts.accounts),
      members: Number(counts.members),
      customers: Number(counts.customers),
      owners: Number(counts.owners),
      drivers: Number(counts.drivers),
      businessAccounts: Number(counts.businessAccounts),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
