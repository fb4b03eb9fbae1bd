import http from 'node:http';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { LOOPBACK } from './server-process.ts';

/**
 * The chat client of `chat-delivery`, the same for keyfob and the bare `ws` reference: both speak
 * keyfob's shapes. A socket opens `GET /api/v1/chat/live` with `Authorization: Bearer`, sends
 * `{type:"subscribe",vehicleId}` and gets `{type:"subscribed",vehicleId}` back, then receives
 * `{type:"message",message}`. A message is written with `POST /api/v1/vehicles/{vid}/messages`
 * `{body}` and answered 201 with the message.
 */
export const CHAT_SOCKET_PATH = '/api/v1/chat/live';

/** A delivered message as the client checks it. */
export interface DeliveredMessage {
  id: string;
  vehicleId: string;
  body: string;
}

export interface ChatSocket {
  /** Subscribes to every conversation and resolves once each is acknowledged. */
  subscribe(vehicleIds: readonly string[]): Promise<void>;
  close(): void;
}

export interface ChatSocketOptions {
  /** The server's origin, `http://127.0.0.1:PORT`. */
  origin: string;
  token: string;
  /**
   * Called for every `{type:"message"}` frame with `performance.now()` taken as the frame
   * arrives, before it is parsed.
   */
  onMessage: (message: DeliveredMessage, receivedAt: number) => void;
  /** Anything a healthy run never sees: an error frame, `access_removed`, an unexpected close. */
  onProblem: (problem: string) => void;
}

const SUBSCRIBE_TIMEOUT_MS = 30_000;
const OPEN_TIMEOUT_MS = 30_000;

export async function openChatSocket(options: ChatSocketOptions): Promise<ChatSocket> {
  const url = new URL(CHAT_SOCKET_PATH, options.origin);
  if (url.hostname !== LOOPBACK) throw new Error(`refusing to open ${url}: benches only target ${LOOPBACK}`);
  url.protocol = 'ws:';
  const socket = new WebSocket(url, {
    headers: { authorization: `Bearer ${options.token}` },
    // Neither server enables compression; not offering it keeps both handshakes alike.
    perMessageDeflate: false,
    handshakeTimeout: OPEN_TIMEOUT_MS,
  });
  const pending = new Map<string, () => void>();
  let isClosing = false;
  socket.on('message', (data) => {
    const receivedAt = performance.now();
    let frame: { type?: string; vehicleId?: string; message?: DeliveredMessage; code?: string };
    try {
      frame = JSON.parse(String(data)) as typeof frame;
    } catch {
      options.onProblem(`a frame that is not JSON: ${String(data).slice(0, 200)}`);
      return;
    }
    if (frame.type === 'message' && frame.message) options.onMessage(frame.message, receivedAt);
    else if (frame.type === 'subscribed' && frame.vehicleId) {
      pending.get(frame.vehicleId)?.();
      pending.delete(frame.vehicleId);
    } else options.onProblem(`an unexpected frame: ${String(data).slice(0, 200)}`);
  });
  socket.on('close', (code, reason) => {
    if (!isClosing) options.onProblem(`socket closed by the server: ${code} ${String(reason)}`);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`chat socket handshake answered ${response.statusCode}`)),
    );
  });
  socket.on('error', (error) => options.onProblem(`socket error: ${error.message}`));

  return {
    async subscribe(vehicleIds) {
      const acknowledged = vehicleIds.map(
        (vehicleId) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(
              () => reject(new Error(`subscribing to ${vehicleId} was not acknowledged in time`)),
              SUBSCRIBE_TIMEOUT_MS,
            );
            pending.set(vehicleId, () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      );
      for (const vehicleId of vehicleIds) socket.send(JSON.stringify({ type: 'subscribe', vehicleId }));
      await Promise.all(acknowledged);
    },
    close() {
      isClosing = true;
      socket.close();
    },
  };
}

/** Runs `task` on `items` with at most `concurrency` at once (opening a thousand sockets). */
export async function forEachLimited<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await task(items[index] as T, index);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

const POST_TIMEOUT_MS = 10_000;

/** `POST /api/v1/vehicles/{vid}/messages` over a keep-alive agent; resolves with status and body. */
export function postChatMessage(
  agent: http.Agent,
  origin: string,
  vehicleId: string,
  token: string,
  body: string,
): Promise<{ status: number; text: string }> {
  const url = `${origin}/api/v1/vehicles/${vehicleId}/messages`;
  if (new URL(url).hostname !== LOOPBACK) {
    return Promise.reject(new Error(`refusing to send load to ${url}: benches only target ${LOOPBACK}`));
  }
  const payload = JSON.stringify({ body });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: POST_TIMEOUT_MS,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    request.once('timeout', () =>
      request.destroy(new Error(`${url} did not answer in ${POST_TIMEOUT_MS} ms`)),
    );
    request.once('error', reject);
    request.end(payload);
  });
}

/** Checks a 201 answer to a post: the message as written, with its id. */
export function checkPosted(
  answer: { status: number; text: string },
  vehicleId: string,
  body: string,
): DeliveredMessage {
  if (answer.status !== 201)
    throw new Error(`posting answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  const message = JSON.parse(answer.text) as Partial<DeliveredMessage>;
  if (typeof message.id !== 'string' || message.vehicleId !== vehicleId || message.body !== body) {
    throw new Error(
      `posting answered 201 with ${answer.text.slice(0, 300)}; expected ${body} in ${vehicleId}`,
    );
  }
  return { id: message.id, vehicleId, body };
}

export interface FixedRateRun {
  /** Tasks started: `ratePerS × durationMs / 1000`, whatever their outcome. */
  started: number;
  /** How long after its scheduled time each task started, p99: the load generator's own lag. */
  startLagP99Ms: number;
}

/**
 * Starts `task(index)` at a fixed rate for `durationMs`, on a timer that never waits for tasks to
 * finish (open loop), then waits for all of them. A task that throws stops the schedule and the
 * run rejects with its error once the started tasks have settled.
 */
export async function atFixedRate(
  ratePerS: number,
  durationMs: number,
  task: (index: number) => Promise<void>,
): Promise<FixedRateRun> {
  const intervalMs = 1000 / ratePerS;
  const count = Math.floor((ratePerS * durationMs) / 1000);
  const running: Promise<void>[] = [];
  const lags: number[] = [];
  let failure: unknown;
  const started = performance.now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < count && failure === undefined && started + next * intervalMs <= now + 0.5) {
        lags.push(Math.max(0, now - (started + next * intervalMs)));
        running.push(
          task(next).catch((error: unknown) => {
            failure ??= error;
          }),
        );
        next++;
      }
      if (next >= count || failure !== undefined) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, started + next * intervalMs - performance.now()));
    };
    tick();
  });
  await Promise.all(running);
  if (failure !== undefined) throw failure;
  lags.sort((a, b) => a - b);
  return { started: next, startLagP99Ms: lags[Math.max(0, Math.ceil(lags.length * 0.99) - 1)] ?? 0 };
}
