import type { Benchmark } from './lib/figure.ts';
import { percentile, type TimedRequest, timeRequests, timeRequestsAtFixedRate } from './lib/latency.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { startServer } from './lib/server-process.ts';
import { keyfobServer } from './lib/servers.ts';
import { seedCustomers } from './seed-customers.ts';

const CUSTOMERS = 10_000;
const ADMIN = { email: 'bench-admin@example.test', password: 'bench admin passphrase' };
/** What the list answers at most per page (`PAGE_SIZE` in the accounts feature). */
const PAGE_SIZE = 50;
const TARGET_P95_MS = 10;

/**
 * What people type into the search box, one word at a time: the first names, last names and
 * `initial.lastname` that begin the seeded names and emails. Each word is sent as it grows
 * (`m`, `ma`, `mad`, `mads`), so short, broad prefixes weigh as much as they do in real use.
 */
const MATCHING_WORDS =
  'mads mett anne jens søre niel hans lars kirs pede emma oliv jame smit m.ha k.je'.split(' ');
/** Typing that finds nobody: no seeded name or email starts with q, x, y or z. */
const UNMATCHED_WORDS = 'quin xavi yvon zach'.split(' ');

interface Search {
  q: string;
  isExpectedToMatch: boolean;
}

const SEARCHES: Search[] = [
  ...MATCHING_WORDS.flatMap((word) => prefixesOf(word).map((q) => ({ q, isExpectedToMatch: true }))),
  ...UNMATCHED_WORDS.flatMap((word) => prefixesOf(word).map((q) => ({ q, isExpectedToMatch: false }))),
];

const WARM_UP_CONCURRENCY = 4;
const WARM_UP_REQUESTS = 500;
/** In flight for the maximum rate: enough to keep the server, its pool and PostgreSQL busy on two cores. */
const MAX_RATE_CONCURRENCY = 8;
/** The latency figure is taken at this fraction of the measured maximum (BENCHMARKS.md: about half). */
const LOAD_FRACTION = 0.5;
const MEASURED_REQUESTS = 3_000;
/** Fewer leave the p99 resting on a handful of requests: a run the time limit cuts short fails. */
const MIN_MEASURED_REQUESTS = 2_000;
const TIME_LIMIT_MS = 60_000;
/** Far above what half the maximum rate needs in flight; reaching it means the server stalled. */
const MAX_OUTSTANDING = 64;

function prefixesOf(word: string): string[] {
  return Array.from({ length: word.length }, (_, end) => word.slice(0, end + 1));
}

function searchAt(index: number): Search {
  const search = SEARCHES[index % SEARCHES.length];
  if (search === undefined) throw new Error('no searches defined');
  return search;
}

interface CustomerPage {
  items: Array<{ email: string; name: string | null }>;
  nextCursor: string | null;
}

/**
 * The admin portal's customer search while typing: `GET /api/v1/admin/customers?q=` with 1–4
 * characters, among 10,000 account members, on PostgreSQL. No reference: BENCHMARKS.md sets an
 * absolute p95 of 10 ms. The maximum rate is measured first in a closed loop; the p95 is then
 * taken open-loop at half that rate, each request timed with `performance.now()` from its
 * scheduled start, so neither a saturated server nor a stalled one hides queueing in the tail.
 */
export const customerSearch: Benchmark = {
  name: 'customer-search',
  description:
    'customer search GET /api/v1/admin/customers?q= among 10,000 customers on PostgreSQL, ' +
    'p95 ms at half the measured max rate',
  async run({ scope, settings, log }) {
    const database = await createScratchDatabase(scope, settings.databaseUrl);
    // keyfob migrates its database as it starts, so the seed runs after the server is up.
    const server = await startServer(
      scope,
      keyfobServer(
        { kind: 'postgres', url: database.url },
        { BOOTSTRAP_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password },
      ),
    );
    const seeded = await seedCustomers(database.url, { members: CUSTOMERS });
    log(
      `seeded (counted in the database): ${seeded.members} account members (${seeded.customers} ` +
        `customers: ${seeded.owners} owners, ${seeded.drivers} drivers) in ${seeded.accounts} accounts ` +
        `(${seeded.businessAccounts} business)`,
    );
    if (seeded.members !== CUSTOMERS || seeded.customers !== CUSTOMERS) {
      throw new Error(
        `expected ${CUSTOMERS} customers in the database, found ${seeded.members} members of ` +
          `${seeded.customers} users`,
      );
    }

    const headers = { authorization: `Bearer ${await signIn(server.origin)}` };
    const urlFor = (index: number) =>
      `${server.origin}/api/v1/admin/customers?q=${encodeURIComponent(searchAt(index).q)}`;
    const itemCounts = new Map<string, number>();
    const check = (index: number, status: number, body: string) => {
      const search = searchAt(index);
      if (status !== 200) throw new Error(`q=${search.q} answered ${status}: ${body.slice(0, 300)}`);
      const page = JSON.parse(body) as CustomerPage;
      checkPage(search, page);
      itemCounts.set(search.q, page.items.length);
    };

    const warmUp = await timeRequests({
      urlFor,
      headers,
      check,
      concurrency: WARM_UP_CONCURRENCY,
      count: WARM_UP_REQUESTS,
      timeLimitMs: TIME_LIMIT_MS,
    });
    log(`warm-up: ${warmUp.samples.length} requests, p95 ${formatMs(p95Of(warmUp.samples))}`);
    const unanswered = SEARCHES.filter((search) => search.isExpectedToMatch && !itemCounts.get(search.q));
    if (unanswered.length > 0) {
      throw new Error(
        `searches that should find customers found none: ${unanswered.map((s) => s.q).join(', ')}`,
      );
    }
    const typed = [...new Set(SEARCHES.map((search) => search.q))];
    log(`items per answer: ${typed.map((q) => `${q}=${itemCounts.get(q)}`).join(' ')}`);

    // 1. The maximum: a closed loop with enough in flight that the server never waits for work.
    const flatOut = await timeRequests({
      urlFor,
      headers,
      check,
      concurrency: MAX_RATE_CONCURRENCY,
      count: Number.POSITIVE_INFINITY,
      timeLimitMs: settings.durationS * 1000,
    });
    const maxRate = flatOut.samples.length / (flatOut.elapsedMs / 1000);
    const flatOutLatencies = flatOut.samples.map((sample) => sample.ms);
    log(
      `max rate: ${Math.round(maxRate)} req/s (closed loop, ${MAX_RATE_CONCURRENCY} in flight, ` +
        `${flatOut.samples.length} requests in ${(flatOut.elapsedMs / 1000).toFixed(1)} s; ` +
        `p50 ${formatMs(percentile(flatOutLatencies, 0.5))}, p95 ${formatMs(percentile(flatOutLatencies, 0.95))}, ` +
        `mostly queueing)`,
    );

    // 2. The figure: open loop at half that rate, so the tail shows the server, not its queue.
    const rate = Math.max(1, Math.round(maxRate * LOAD_FRACTION));
    log(
      `latency at a fixed ${rate} req/s (${LOAD_FRACTION} × max), open loop, up to ${MEASURED_REQUESTS} requests`,
    );
    const measured = await timeRequestsAtFixedRate({
      urlFor,
      headers,
      check,
      ratePerS: rate,
      count: MEASURED_REQUESTS,
      timeLimitMs: TIME_LIMIT_MS,
      maxOutstanding: MAX_OUTSTANDING,
    });
    const latencies = measured.latenciesMs;
    const p50 = percentile(latencies, 0.5);
    const p95 = percentile(latencies, 0.95);
    const p99 = percentile(latencies, 0.99);
    const answered = measured.samples.length;
    log(
      `p95 at ${rate} req/s: ${measured.scheduled} requests scheduled over ` +
        `${(measured.elapsedMs / 1000).toFixed(1)} s, ${answered} answered ` +
        `(${Math.round(answered / (measured.elapsedMs / 1000))} req/s), ${measured.dropped} dropped ` +
        `(cap of ${MAX_OUTSTANDING} in flight reached), ${measured.failed} failed: ` +
        `p50 ${formatMs(p50)}, p95 ${formatMs(p95)}, p99 ${formatMs(p99)}, ` +
        `max ${formatMs(Math.max(...latencies))}`,
    );
    if (measured.failureMessages.length > 0) log(`failures: ${measured.failureMessages.join('; ')}`);
    const sendLags = measured.samples.map((sample) => sample.sendLagMs);
    log(
      `load generator's send lag behind schedule (included above): p50 ${formatMs(percentile(sendLags, 0.5))}, ` +
        `p99 ${formatMs(percentile(sendLags, 0.99))}, max ${formatMs(Math.max(...sendLags))}`,
    );
    log(`p95 by prefix length: ${byPrefixLength(measured.samples)}`);
    // Searches that find nobody cost the request path (session, authorization, HTTP) and an empty
    // index scan, so the gap to the others is what the search itself costs.
    const found = measured.samples.filter((sample) => searchAt(sample.index).isExpectedToMatch);
    const foundNobody = measured.samples.filter((sample) => !searchAt(sample.index).isExpectedToMatch);
    log(
      `p95 of searches that find customers ${formatMs(p95Of(found))} (${found.length}), ` +
        `that find nobody ${formatMs(p95Of(foundNobody))} (${foundNobody.length})`,
    );
    log(`slowest prefixes by p95: ${slowestPrefixes(measured.samples, itemCounts, 6)}`);
    if (answered < MIN_MEASURED_REQUESTS) {
      throw new Error(
        `only ${answered} of ${MIN_MEASURED_REQUESTS} requests answered at ${rate} req/s in ` +
          `${TIME_LIMIT_MS / 1000} s (${measured.dropped} dropped, ${measured.failed} failed; ` +
          `p95 so far ${formatMs(p95)})`,
      );
    }

    return [
      {
        figure: 'customer search p95 (10,000 customers)',
        subject: { value: p95, unit: 'ms' },
        targets: [{ kind: 'absolute', comparison: 'at-most', bound: TARGET_P95_MS, unit: 'ms' }],
      },
    ];
  },
};

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${body.slice(0, 300)}`);
  const { token } = JSON.parse(body) as { token?: unknown };
  if (typeof token !== 'string' || token === '') throw new Error('sign-in answered no token');
  return token;
}

/** A page must hold only people whose email or name starts with q, and nobody for unmatched typing. */
function checkPage(search: Search, page: CustomerPage): void {
  if (!Array.isArray(page.items) || page.items.length > PAGE_SIZE) {
    throw new Error(`q=${search.q} answered ${page.items?.length} items, more than a page of ${PAGE_SIZE}`);
  }
  if (!search.isExpectedToMatch && page.items.length > 0) {
    throw new Error(`q=${search.q} should find nobody but found ${page.items[0]?.email}`);
  }
  const q = search.q.toLowerCase();
  const stray = page.items.find(
    (item) => !item.email.startsWith(q) && !(item.name ?? '').toLowerCase().startsWith(q),
  );
  if (stray) throw new Error(`q=${search.q} found ${stray.email} (${stray.name}), which does not match`);
}

function p95Of(samples: readonly TimedRequest[]): number {
  return percentile(
    samples.map((sample) => sample.ms),
    0.95,
  );
}

function formatMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

function groupBy(samples: readonly TimedRequest[], key: (search: Search) => string) {
  const groups = new Map<string, TimedRequest[]>();
  for (const sample of samples) {
    const name = key(searchAt(sample.index));
    const group = groups.get(name);
    if (group) group.push(sample);
    else groups.set(name, [sample]);
  }
  return groups;
}

function byPrefixLength(samples: readonly TimedRequest[]): string {
  return [...groupBy(samples, (search) => `${search.q.length} chars`)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([length, group]) => `${length} ${formatMs(p95Of(group))} (${group.length})`)
    .join(', ');
}

function slowestPrefixes(
  samples: readonly TimedRequest[],
  itemCounts: ReadonlyMap<string, number>,
  count: number,
): string {
  return [...groupBy(samples, (search) => search.q)]
    .map(([q, group]) => ({ q, p95: p95Of(group), requests: group.length }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, count)
    .map(
      ({ q, p95, requests }) => `q=${q} ${formatMs(p95)} (${requests} requests, ${itemCounts.get(q)} items)`,
    )
    .join(', ');
}
