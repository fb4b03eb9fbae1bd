import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type {
  BackgroundAnswer,
  BackgroundOpened,
  BackgroundReport,
  BackgroundRequest,
  BackgroundSocket,
} from './chat-background.ts';
import { alternate, median } from './lib/alternate.ts';
import {
  atFixedRate,
  type ChatSocket,
  checkPosted,
  type DeliveredMessage,
  openChatSocket,
  postChatMessage,
} from './lib/chat-client.ts';
import type { Benchmark, Figure } from './lib/figure.ts';
import { percentile } from './lib/latency.ts';
import { processCpuSeconds } from './lib/process-cpu.ts';
import type { Scope } from './lib/scope.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { type RunningServer, startServer } from './lib/server-process.ts';
import { keyfobServer, wsBroadcastServer } from './lib/servers.ts';
import { type SeededChat, seedChat } from './seed-chat.ts';
import { checkSeeded, describeSeeded, seedVehicles, type VehicleUserPair } from './seed-vehicles.ts';

const VEHICLES = 10_000;
/**
 * The background: 10 busy workshops, each with 10 conversations and 100 staff members whose
 * sockets follow all 10; each conversation gets 1 message a second, so every socket receives 10
 * messages a second and every message goes to 100 sockets. 1,000 sockets, 100 posts and 10,000
 * deliveries a second. Why this shape: bench/README.md.
 */
const BUSY_WORKSHOPS = 10;
const CONVERSATIONS_PER_WORKSHOP = 10;
const STAFF_PER_WORKSHOP = 100;
const BACKGROUND_SOCKETS = BUSY_WORKSHOPS * STAFF_PER_WORKSHOP;
const MESSAGES_PER_CONVERSATION_PER_S = 1;
const BACKGROUND_POSTS_PER_S = BUSY_WORKSHOPS * CONVERSATIONS_PER_WORKSHOP * MESSAGES_PER_CONVERSATION_PER_S;
/** The measured conversation: its primary user, 4 secondary users and one workshop staff member. */
const MEASURED_SECONDARIES = 4;
const PARTICIPANTS = 1 + MEASURED_SECONDARIES + 1;
/** Posts a second to the measured conversation: 100 posts and 600 timed deliveries in a 5 s round. */
const MEASURED_POSTS_PER_S = 20;
/**
 * Staff of the measured conversation's workshop who write its messages in turn: 20 a second over
 * 100 people is 12 a minute each, under keyfob's 30 a minute per person (`chatMessagesPerPerson`).
 */
const MEASURED_AUTHORS = 100;
/** The background runs this long before the measured posts start and after they end. */
const LEAD_IN_MS = 1_000;
const LEAD_OUT_MS = 500;
const DRAIN_TIMEOUT_MS = 10_000;
/** Sockets opened at once while setting up; each is a session read and ten subscriptions. */
const OPEN_CONCURRENCY = 25;
const TARGET_RATIO = 1.5;
const TARGET_P99_MS = 50;

/**
 * BENCHMARKS.md: chat delivery to 6 participants while 1,000 sockets get 10 messages a second,
 * against a bare `ws` broadcast server (`reference/ws-broadcast.ts`) in the same run, alternating
 * rounds. Latency runs from just before the POST of a message is sent to the moment each of the
 * measured conversation's 6 sockets receives it; p50 and p99 over every delivery of a round.
 * Every background delivery is checked and counted against what was posted too; a missing, stray
 * or repeated one fails the run. The design and its reasons are in bench/README.md.
 */
export const chatDelivery: Benchmark = {
  name: 'chat-delivery',
  description:
    'chat delivery to 6 participants while 1,000 sockets get 10 messages/s (keyfob on PostgreSQL) against a ' +
    'bare ws broadcast server: p50 and p99 from POST to socket',
  async run({ scope, settings, log }) {
    const database = await createScratchDatabase(scope, settings.databaseUrl);
    const reference = await startServer(scope, wsBroadcastServer());
    // keyfob migrates its database as it starts, so the seed runs after the server is up.
    const keyfob = await startServer(scope, keyfobServer({ kind: 'postgres', url: database.url }));
    const seeded = await seedVehicles(database.url, { vehicles: VEHICLES });
    log(`seeded: ${describeSeeded(seeded)}`);
    checkSeeded(seeded, VEHICLES);
    const measuredVehicle = pickMeasuredVehicle(seeded.pairs);
    const chat = await seedChat(database.url, {
      mainStaff: MEASURED_AUTHORS + 1,
      busyWorkshops: BUSY_WORKSHOPS,
      vehiclesPerBusyWorkshop: CONVERSATIONS_PER_WORKSHOP,
      staffPerBusyWorkshop: STAFF_PER_WORKSHOP,
      keepVehicleId: measuredVehicle[0]?.vehicleId ?? '',
    });
    log(
      `seeded chat: ${chat.mainStaff.length} staff in the measured conversation's workshop; ${BUSY_WORKSHOPS} ` +
        `workshops with ${CONVERSATIONS_PER_WORKSHOP} of the vehicles and ${STAFF_PER_WORKSHOP} staff each ` +
        `(${chat.seconds.toFixed(1)} s)`,
    );
    const plan = planConversations(measuredVehicle, chat);

    const background = startBackground(scope);
    const servers = [reference, keyfob];
    const opened = (await background.request({
      kind: 'open',
      servers: servers.map((server) => ({ name: server.name, origin: server.origin })),
      sockets: plan.backgroundSockets,
      conversations: plan.backgroundConversations,
      authors: plan.backgroundAuthors,
      concurrency: OPEN_CONCURRENCY,
    })) as BackgroundOpened;
    log(
      `background: ${opened.sockets} sockets with ${opened.subscriptions} subscriptions open on each server ` +
        `(${opened.seconds.toFixed(1)} s)`,
    );
    const measured = new MeasuredConversation(plan);
    for (const server of servers) await measured.open(server);

    let roundNumber = 0;
    const durationMs = settings.durationS * 1000;
    const measure = (server: RunningServer) =>
      measureRound(server, `r${++roundNumber}`, durationMs, background, measured);
    const samples = await alternate({
      rounds: settings.rounds,
      reference: () => measure(reference),
      subject: () => measure(keyfob),
      onSample: (round, side, sample) =>
        log(
          `round ${round} ${side === 'reference' ? reference.name : keyfob.name}: ${describeSample(sample)}`,
        ),
    });
    await background.request({ kind: 'close' });
    measured.close();

    const of = (side: RoundSample[], pick: (sample: RoundSample) => number) => median(side.map(pick));
    const load = `${BACKGROUND_SOCKETS.toLocaleString('en-US')} sockets × 10 msg/s`;
    return [
      {
        figure: `chat delivery p50 to ${PARTICIPANTS} participants, ${load}`,
        subject: { value: of(samples.subject, (sample) => sample.p50Ms), unit: 'ms' },
        reference: { value: of(samples.reference, (sample) => sample.p50Ms), unit: 'ms' },
        targets: [],
      },
      {
        figure: `chat delivery p99 to ${PARTICIPANTS} participants, ${load}`,
        subject: { value: of(samples.subject, (sample) => sample.p99Ms), unit: 'ms' },
        reference: { value: of(samples.reference, (sample) => sample.p99Ms), unit: 'ms' },
        targets: [
          { kind: 'ratio', comparison: 'at-most', bound: TARGET_RATIO },
          { kind: 'absolute', comparison: 'at-most', bound: TARGET_P99_MS, unit: 'ms' },
        ],
      },
    ] satisfies Figure[];
  },
};

interface Participant {
  token: string;
  role: string;
}

interface ConversationPlan {
  backgroundConversations: string[];
  backgroundSockets: BackgroundSocket[];
  /** Per background conversation, the staff tokens that write its posts in turn. */
  backgroundAuthors: string[][];
  measuredVehicleId: string;
  participants: Participant[];
  /** Staff tokens that write the measured conversation's posts in turn. */
  measuredAuthors: string[];
}

/** A seeded vehicle with a primary and exactly 4 secondary users: the measured conversation. */
function pickMeasuredVehicle(pairs: readonly VehicleUserPair[]): VehicleUserPair[] {
  const byVehicle = new Map<string, VehicleUserPair[]>();
  for (const pair of pairs) byVehicle.set(pair.vehicleId, [...(byVehicle.get(pair.vehicleId) ?? []), pair]);
  const users = [...byVehicle.values()].find(
    (candidate) =>
      candidate.length === 1 + MEASURED_SECONDARIES &&
      candidate.filter((user) => user.role === 'primary').length === 1,
  );
  if (!users) throw new Error('seed: no vehicle with a primary and 4 secondary users');
  return users.sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : 1));
}

/**
 * The measured conversation's 6 sockets: its primary, its 4 secondary users and one staff member
 * of its workshop, whose other staff write the posts. Each busy workshop's staff hold one socket
 * each, following all of the workshop's conversations, and write those conversations' posts.
 */
function planConversations(measured: readonly VehicleUserPair[], chat: SeededChat): ConversationPlan {
  const measuredVehicleId = measured[0]?.vehicleId;
  const measuredStaff = chat.mainStaff[MEASURED_AUTHORS];
  if (!measuredVehicleId || !measuredStaff)
    throw new Error('seed: too few staff for the measured conversation');
  return {
    backgroundConversations: chat.busyWorkshops.flatMap((workshop) => workshop.vehicleIds),
    backgroundSockets: chat.busyWorkshops.flatMap((workshop) =>
      workshop.staff.map((member) => ({ token: member.token, vehicleIds: workshop.vehicleIds })),
    ),
    backgroundAuthors: chat.busyWorkshops.flatMap((workshop) =>
      workshop.vehicleIds.map(() => workshop.staff.map((member) => member.token)),
    ),
    measuredVehicleId,
    participants: [
      ...measured.map((user) => ({ token: user.token, role: user.role })),
      { token: measuredStaff.token, role: 'workshop' },
    ],
    measuredAuthors: chat.mainStaff.slice(0, MEASURED_AUTHORS).map((member) => member.token),
  };
}

interface BackgroundWorker {
  request(request: BackgroundRequest): Promise<BackgroundOpened | BackgroundReport | null>;
}

/** The background load's worker thread (`chat-background.ts`), loaded through tsx like this file. */
function startBackground(scope: Scope): BackgroundWorker {
  const entry = new URL('./chat-background.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true },
  );
  scope.defer('chat background worker', async () => {
    await worker.terminate();
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('message', (answer: BackgroundAnswer) => {
    const waiter = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.ok) waiter?.resolve(answer.result);
    else waiter?.reject(new Error(`background worker: ${answer.error}`));
  });
  worker.on('error', (error) => failAll(new Error(`background worker failed: ${error.message}`)));
  worker.on('exit', (code) => failAll(new Error(`background worker exited with code ${code}`)));
  let nextId = 0;
  return {
    request(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, request });
      });
    },
  };
}

interface MeasuredRound {
  server: string;
  prefix: string;
  sentAt: number[];
  postedIds: string[];
  /** From just before each POST was sent to its 201 having been read. */
  answerMs: number[];
  /** Per participant: post index → latency in ms, and the id it was delivered with. */
  received: Array<Map<number, { ms: number; id: string }>>;
  problems: string[];
}

/** The measured conversation's 6 sockets on each server, on the main thread's quiet event loop. */
class MeasuredConversation {
  readonly #sockets: ChatSocket[] = [];
  #round: MeasuredRound | undefined;
  readonly #strays: string[] = [];

  constructor(readonly plan: ConversationPlan) {}

  async open(server: RunningServer): Promise<void> {
    for (const [participant, { token, role }] of this.plan.participants.entries()) {
      const socket = await openChatSocket({
        origin: server.origin,
        token,
        onMessage: (message, receivedAt) => this.#receive(server.name, participant, message, receivedAt),
        onProblem: (problem) => this.#strays.push(`${server.name} ${role}: ${problem}`),
      });
      this.#sockets.push(socket);
      await socket.subscribe([this.plan.measuredVehicleId]);
    }
  }

  close(): void {
    for (const socket of this.#sockets) socket.close();
  }

  #receive(server: string, participant: number, message: DeliveredMessage, receivedAt: number) {
    const round = this.#round;
    if (!round || round.server !== server || !message.body.startsWith(round.prefix)) {
      this.#strays.push(`${server}: a delivery outside its round: ${message.body.slice(0, 80)}`);
      return;
    }
    const index = Number(message.body.slice(round.prefix.length));
    const sentAt = round.sentAt[index];
    const received = round.received[participant];
    if (sentAt === undefined || message.vehicleId !== this.plan.measuredVehicleId || !received) {
      round.problems.push(`${server}: an unexpected delivery ${JSON.stringify(message)}`);
      return;
    }
    if (received.has(index)) round.problems.push(`${server}: ${message.body} delivered twice to one socket`);
    received.set(index, { ms: receivedAt - sentAt, id: message.id });
  }

  /** Posts at a fixed rate for `durationMs`, waits for the deliveries, returns every latency. */
  async post(server: RunningServer, tag: string, durationMs: number) {
    const round: MeasuredRound = {
      server: server.name,
      prefix: `measured ${tag} `,
      sentAt: [],
      postedIds: [],
      answerMs: [],
      received: this.plan.participants.map(() => new Map()),
      problems: [],
    };
    this.#round = round;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const vehicleId = this.plan.measuredVehicleId;
    const authors = this.plan.measuredAuthors;
    let schedule: Awaited<ReturnType<typeof atFixedRate>>;
    try {
      schedule = await atFixedRate(MEASURED_POSTS_PER_S, durationMs, async (index) => {
        const body = `${round.prefix}${index}`;
        const author = authors[index % authors.length] as string;
        round.sentAt[index] = performance.now();
        const answer = await postChatMessage(agent, server.origin, vehicleId, author, body);
        round.answerMs.push(performance.now() - (round.sentAt[index] ?? Number.NaN));
        round.postedIds[index] = checkPosted(answer, vehicleId, body).id;
      });
    } finally {
      agent.destroy();
    }
    const posted = round.postedIds.length;
    const expected = posted * this.plan.participants.length;
    const count = () => round.received.reduce((sum, received) => sum + received.size, 0);
    const deadline = performance.now() + DRAIN_TIMEOUT_MS;
    while (count() < expected && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    this.#round = undefined;
    const problems = [...this.#strays.splice(0), ...round.problems];
    const latencies: number[] = [];
    for (const [participant, received] of round.received.entries()) {
      for (let index = 0; index < posted; index++) {
        const delivery = received.get(index);
        if (!delivery) {
          problems.push(
            `${server.name}: post ${index} never reached the ${this.plan.participants[participant]?.role} socket`,
          );
        } else if (delivery.id !== round.postedIds[index]) {
          problems.push(`${server.name}: post ${index} was answered and delivered with different ids`);
        } else latencies.push(delivery.ms);
      }
    }
    if (problems.length > 0) {
      throw new Error(
        `${server.name}: ${problems.length} delivery problem(s) in the measured conversation: ` +
          problems.slice(0, 5).join('; '),
      );
    }
    return { posted, latencies, answerMs: round.answerMs, startLagP99Ms: schedule.startLagP99Ms };
  }
}

interface RoundSample {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The measured posts' own answers (201), p50 and p99: the write path alone. */
  answerP50Ms: number;
  answerP99Ms: number;
  posted: number;
  deliveries: number;
  startLagP99Ms: number;
  background: BackgroundReport;
  backgroundSeconds: number;
  /** CPU the server process and this load generator (all its threads) used per second of the round. */
  serverCores: number;
  clientCores: number;
  loadAverage: number;
}

/**
 * One round on one server: the background posts for the measured time plus a lead-in and a
 * lead-out, and the measured conversation gets its posts in the middle, when the background is at
 * its steady rate. Both sides' deliveries are then checked in full.
 */
async function measureRound(
  server: RunningServer,
  tag: string,
  durationMs: number,
  background: BackgroundWorker,
  measured: MeasuredConversation,
): Promise<RoundSample> {
  const backgroundMs = LEAD_IN_MS + durationMs + LEAD_OUT_MS;
  const startedAt = performance.now();
  const serverCpuBefore = await processCpuSeconds(server.pid);
  const clientCpuBefore = process.cpuUsage();
  const backgroundDone = background.request({
    kind: 'round',
    server: server.name,
    tag,
    ratePerS: BACKGROUND_POSTS_PER_S,
    durationMs: backgroundMs,
  }) as Promise<BackgroundReport>;
  // A rejection here must not go unhandled while the measured part runs; it is awaited below.
  backgroundDone.catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, LEAD_IN_MS));
  const result = await measured.post(server, tag, durationMs);
  const report = await backgroundDone;
  const roundSeconds = (performance.now() - startedAt) / 1000;
  const serverCores = ((await processCpuSeconds(server.pid)) - serverCpuBefore) / roundSeconds;
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const clientCores = (clientCpu.user + clientCpu.system) / 1e6 / roundSeconds;
  const missing = report.expectedDeliveries - report.delivered;
  if (report.problemCount > 0 || missing !== 0 || report.socketsShort > 0) {
    throw new Error(
      `${server.name}: the background posted ${report.posted} messages, expected ${report.expectedDeliveries} ` +
        `deliveries and got ${report.delivered} (${missing} missing, ${report.socketsShort} sockets short); ` +
        `${report.problemCount} problem(s): ${report.problems.join('; ')}`,
    );
  }
  const expectedPosts = Math.floor((BACKGROUND_POSTS_PER_S * backgroundMs) / 1000);
  if (report.posted !== expectedPosts) {
    throw new Error(`${server.name}: the background posted ${report.posted} of ${expectedPosts} messages`);
  }
  return {
    p50Ms: percentile(result.latencies, 0.5),
    p99Ms: percentile(result.latencies, 0.99),
    maxMs: percentile(result.latencies, 1),
    answerP50Ms: percentile(result.answerMs, 0.5),
    answerP99Ms: percentile(result.answerMs, 0.99),
    posted: result.posted,
    deliveries: result.latencies.length,
    startLagP99Ms: Math.max(result.startLagP99Ms, report.startLagP99Ms),
    background: report,
    backgroundSeconds: backgroundMs / 1000,
    serverCores,
    clientCores,
    loadAverage: os.loadavg()[0] ?? Number.NaN,
  };
}

function describeSample(sample: RoundSample): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const background = sample.background;
  const perSocket = background.delivered / BACKGROUND_SOCKETS / sample.backgroundSeconds;
  return (
    `p50 ${ms(sample.p50Ms)}, p99 ${ms(sample.p99Ms)}, max ${ms(sample.maxMs)} over ${sample.deliveries} ` +
    `deliveries of ${sample.posted} posts (their 201 answers p50 ${ms(sample.answerP50Ms)}, p99 ` +
    `${ms(sample.answerP99Ms)}); background ${background.posted} posts, ` +
    `${background.delivered.toLocaleString('en-US')} of ${background.expectedDeliveries.toLocaleString('en-US')} ` +
    `deliveries (${perSocket.toFixed(1)} per socket per s) p50 ${ms(background.p50Ms)}, p99 ${ms(background.p99Ms)}, ` +
    `drained ${ms(background.drainMs)} after the last answer; schedule lag p99 ${ms(sample.startLagP99Ms)}; ` +
    `CPU: server ${sample.serverCores.toFixed(2)} cores, load generator ${sample.clientCores.toFixed(2)}; ` +
    `load average ${sample.loadAverage.toFixed(2)}`
  );
}
