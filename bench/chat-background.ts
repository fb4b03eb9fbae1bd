// The background load of `chat-delivery`, in a worker thread of its own so that the 10,000
// deliveries a second it receives do not queue in front of the measured sockets on the main
// thread's event loop. It holds every background socket open on every server for the whole run;
// each round posts at a fixed rate to one server and counts, socket by socket, what arrived.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import {
  atFixedRate,
  type ChatSocket,
  checkPosted,
  type DeliveredMessage,
  forEachLimited,
  openChatSocket,
  postChatMessage,
} from './lib/chat-client.ts';

export interface BackgroundSocket {
  token: string;
  vehicleIds: string[];
}

export type BackgroundRequest =
  | {
      kind: 'open';
      servers: Array<{ name: string; origin: string }>;
      sockets: BackgroundSocket[];
      /** Background conversations: post `i` goes to conversation `i % length`. */
      conversations: string[];
      /**
       * Per conversation, the session tokens of its possible authors (its workshop's staff), who
       * take turns, each conversation starting at a different one.
       */
      authors: string[][];
      concurrency: number;
    }
  | { kind: 'round'; server: string; tag: string; ratePerS: number; durationMs: number }
  | { kind: 'close' };

export interface BackgroundOpened {
  sockets: number;
  subscriptions: number;
  seconds: number;
}

export interface BackgroundReport {
  /** Posts answered 201 with the message as written. */
  posted: number;
  /** Posts × the sockets following their conversation. */
  expectedDeliveries: number;
  /** Deliveries received in the round (each checked: this round, the right conversation, no repeat). */
  delivered: number;
  /** Sockets that ended the round with fewer or other messages than their conversations got. */
  socketsShort: number;
  /** Anything a healthy run never sees, the first few of them. */
  problems: string[];
  problemCount: number;
  p50Ms: number;
  p99Ms: number;
  /** Wall time of the posting schedule, for the achieved rates. */
  postingSeconds: number;
  startLagP99Ms: number;
  /** How long after the last post's answer every delivery had arrived (0: all had by then). */
  drainMs: number;
}

export type BackgroundAnswer =
  | { id: number; ok: true; result: BackgroundOpened | BackgroundReport | null }
  | { id: number; ok: false; error: string };

const DRAIN_TIMEOUT_MS = 10_000;
/** How far apart in the authors' turn the conversations start, so one person's posts spread out. */
const AUTHOR_SPREAD = 7;
const MAX_PROBLEMS = 5;

interface TrackedSocket {
  socket: ChatSocket | undefined;
  follows: Set<string>;
  /** Indices of this round's posts received, to catch repeats and count what is missing. */
  seen: Set<number>;
}

interface Round {
  server: string;
  prefix: string;
  sentAt: number[];
  /** The id each post was answered with, and the id its first delivery carried. */
  postedIds: string[];
  deliveredIds: string[];
  latencies: number[];
  delivered: number;
}

const origins = new Map<string, string>();
const socketsByServer = new Map<string, TrackedSocket[]>();
const followers = new Map<string, number>();
let conversations: string[] = [];
let authors: string[][] = [];
let round: Round | undefined;
let problemCount = 0;
let problems: string[] = [];

function problem(message: string) {
  problemCount++;
  if (problems.length < MAX_PROBLEMS) problems.push(message);
}

function receive(server: string, tracked: TrackedSocket, message: DeliveredMessage, receivedAt: number) {
  const current = round;
  if (!current || current.server !== server) {
    problem(`${server}: a delivery outside its round: ${message.body.slice(0, 80)}`);
    return;
  }
  if (!message.body.startsWith(current.prefix)) {
    problem(`${server}: a delivery from another round: ${message.body.slice(0, 80)}`);
    return;
  }
  const index = Number(message.body.slice(current.prefix.length));
  const conversation = conversations[index % conversations.length];
  if (!Number.isInteger(index) || conversation !== message.vehicleId || !tracked.follows.has(conversation)) {
    problem(`${server}: a delivery to a socket not following its conversation: ${JSON.stringify(message)}`);
    return;
  }
  if (tracked.seen.has(index)) {
    problem(`${server}: ${message.body} delivered twice to one socket`);
    return;
  }
  tracked.seen.add(index);
  const firstId = current.deliveredIds[index];
  if (firstId === undefined) current.deliveredIds[index] = message.id;
  else if (firstId !== message.id) problem(`${server}: ${message.body} delivered with two ids`);
  current.latencies.push(receivedAt - (current.sentAt[index] ?? Number.NaN));
  current.delivered++;
}

async function open(request: Extract<BackgroundRequest, { kind: 'open' }>): Promise<BackgroundOpened> {
  const started = performance.now();
  conversations = request.conversations;
  authors = request.authors;
  followers.clear();
  for (const socket of request.sockets) {
    for (const vehicleId of socket.vehicleIds) followers.set(vehicleId, (followers.get(vehicleId) ?? 0) + 1);
  }
  let subscriptions = 0;
  for (const server of request.servers) {
    const tracked: TrackedSocket[] = [];
    socketsByServer.set(server.name, tracked);
    await forEachLimited(request.sockets, request.concurrency, async (spec) => {
      const entry: TrackedSocket = { socket: undefined, follows: new Set(spec.vehicleIds), seen: new Set() };
      entry.socket = await openChatSocket({
        origin: server.origin,
        token: spec.token,
        onMessage: (message, receivedAt) => receive(server.name, entry, message, receivedAt),
        onProblem: (message) => problem(`${server.name}: ${message}`),
      });
      tracked.push(entry);
      await entry.socket.subscribe(spec.vehicleIds);
      subscriptions += spec.vehicleIds.length;
    });
  }
  return {
    sockets: request.sockets.length,
    subscriptions: subscriptions / Math.max(1, request.servers.length),
    seconds: (performance.now() - started) / 1000,
  };
}

async function runRound(request: Extract<BackgroundRequest, { kind: 'round' }>): Promise<BackgroundReport> {
  const server = socketsByServer.get(request.server);
  const origin = origins.get(request.server);
  if (!server || !origin) throw new Error(`no sockets open on ${request.server}`);
  for (const tracked of server) tracked.seen.clear();
  const current: Round = {
    server: request.server,
    prefix: `background ${request.tag} `,
    sentAt: [],
    postedIds: [],
    deliveredIds: [],
    latencies: [],
    delivered: 0,
  };
  round = current;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let posted = 0;
  let expectedDeliveries = 0;
  const postedTo = new Map<string, number>();
  const started = performance.now();
  let schedule: Awaited<ReturnType<typeof atFixedRate>>;
  try {
    schedule = await atFixedRate(request.ratePerS, request.durationMs, async (index) => {
      const conversation = index % conversations.length;
      const vehicleId = conversations[conversation] as string;
      const candidates = authors[conversation] ?? [];
      const turn = Math.floor(index / conversations.length) + conversation * AUTHOR_SPREAD;
      const author = candidates[turn % candidates.length];
      if (!author) throw new Error(`no author for conversation ${vehicleId}`);
      const body = `${current.prefix}${index}`;
      current.sentAt[index] = performance.now();
      const answer = await postChatMessage(agent, origin, vehicleId, author, body);
      current.postedIds[index] = checkPosted(answer, vehicleId, body).id;
      posted++;
      expectedDeliveries += followers.get(vehicleId) ?? 0;
      postedTo.set(vehicleId, (postedTo.get(vehicleId) ?? 0) + 1);
    });
  } finally {
    agent.destroy();
  }
  const postingSeconds = (performance.now() - started) / 1000;
  const answeredAt = performance.now();
  let lastDeliveryAt = answeredAt;
  const deadline = answeredAt + DRAIN_TIMEOUT_MS;
  while (current.delivered < expectedDeliveries && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    lastDeliveryAt = performance.now();
  }
  // Late repeats and strays land in the next round's problems, as deliveries outside their round.
  round = undefined;
  let socketsShort = 0;
  for (const tracked of server) {
    let expected = 0;
    for (const vehicleId of tracked.follows) expected += postedTo.get(vehicleId) ?? 0;
    if (tracked.seen.size !== expected) socketsShort++;
  }
  current.postedIds.forEach((id, index) => {
    const delivered = current.deliveredIds[index];
    if (delivered !== undefined && delivered !== id) {
      problem(`${request.server}: post ${index} answered id ${id} but was delivered as ${delivered}`);
    }
  });
  const sorted = current.latencies.sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.max(0, Math.ceil(sorted.length * fraction) - 1)] ?? Number.NaN;
  // Reported once: what went wrong since the last report, between rounds included.
  const reported = { problems, problemCount };
  problems = [];
  problemCount = 0;
  return {
    posted,
    expectedDeliveries,
    delivered: current.delivered,
    socketsShort,
    ...reported,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    postingSeconds,
    startLagP99Ms: schedule.startLagP99Ms,
    drainMs: lastDeliveryAt - answeredAt,
  };
}

async function handle(request: BackgroundRequest): Promise<BackgroundOpened | BackgroundReport | null> {
  if (request.kind === 'open') {
    for (const server of request.servers) origins.set(server.name, server.origin);
    return open(request);
  }
  if (request.kind === 'round') return runRound(request);
  for (const tracked of socketsByServer.values()) for (const entry of tracked) entry.socket?.close();
  socketsByServer.clear();
  return null;
}

const port = parentPort;
if (!port) throw new Error('chat-background.ts runs as a worker thread of chat-delivery.ts');
port.on('message', (message: { id: number; request: BackgroundRequest }) => {
  handle(message.request).then(
    (result) => port.postMessage({ id: message.id, ok: true, result } satisfies BackgroundAnswer),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies BackgroundAnswer),
  );
});
