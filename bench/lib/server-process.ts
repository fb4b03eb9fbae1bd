import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Scope } from './scope.ts';

/** The only host benchmarks start servers on or send load to. */
export const LOOPBACK = '127.0.0.1';
/** Children run from the project root, so `src/...` and `bench/...` paths resolve as in npm scripts. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How to start one server under test as its own Node process. */
export interface ServerSpec {
  /** Shown in progress and error messages. */
  name: string;
  /** Arguments after `node`, relative to the project root: `['--import', 'tsx', 'src/server/main.ts']`. */
  nodeArgs: string[];
  /** Added to the runner's environment; PORT and HOST are always set by the helper. */
  env?: Record<string, string>;
  /** A path that answers 2xx once the server can take load. */
  readyPath: string;
  /** How long to wait for readiness before giving up; migrations on a cold database count. */
  startTimeoutMs?: number;
}

export interface RunningServer {
  name: string;
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  origin: string;
  port: number;
  pid: number;
}

const STOP_GRACE_MS = 5_000;
const KILL_WAIT_MS = 2_000;
const POLL_INTERVAL_MS = 100;
const OUTPUT_TAIL_CHARS = 4_000;

// Every child still running, so the synchronous exit hook can kill what an async path missed.
const liveChildren = new Set<ChildProcess>();

process.on('exit', () => {
  for (const child of liveChildren) signalGroup(child, 'SIGKILL');
});

/** Kills every server this process started, at once; for a second Ctrl-C when cleanup hangs. */
export function killAllServersNow(): void {
  for (const child of liveChildren) signalGroup(child, 'SIGKILL');
}

/**
 * Starts a server on a free loopback port and resolves once `readyPath` answers 2xx. The scope
 * stops it (SIGTERM, then SIGKILL) when the benchmark ends, fails or is interrupted.
 */
export async function startServer(scope: Scope, spec: ServerSpec): Promise<RunningServer> {
  const port = await findFreePort();
  const child = spawn(process.execPath, spec.nodeArgs, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...spec.env, PORT: String(port), HOST: LOOPBACK },
    // Its own process group, so stopping it also stops anything it spawned.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  scope.defer(`${spec.name} (pid ${child.pid ?? '?'})`, () => stopChild(child));

  let tail = '';
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  // Always drained: a child blocked on a full pipe would look like a slow server.
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);

  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  let exitReason: string | undefined;
  void exited.then((reason) => {
    exitReason = reason;
    liveChildren.delete(child);
  });

  const deadline = Date.now() + (spec.startTimeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exitReason !== undefined) {
      throw new Error(`${spec.name} exited before it was ready (${exitReason}):\n${tail.trimEnd()}`);
    }
    if (await answers2xx(port, spec.readyPath)) {
      if (child.pid === undefined) throw new Error(`${spec.name} has no pid`);
      return { name: spec.name, origin: `http://${LOOPBACK}:${port}`, port, pid: child.pid };
    }
    await Promise.race([sleep(POLL_INTERVAL_MS), exited]);
  }
  throw new Error(`${spec.name} did not answer GET ${spec.readyPath} in time:\n${tail.trimEnd()}`);
}

/** Asks the kernel for a free port; the tiny window before the child binds it is accepted. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      probe.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('could not read the probe port'));
      });
    });
  });
}

function answers2xx(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    // No keep-alive agent: a pooled socket would stay open to a server we are about to measure.
    const request = http.get({ host: LOOPBACK, port, path, agent: false, timeout: 1_000 }, (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(status >= 200 && status < 300);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (isRunning(child)) {
    signalGroup(child, 'SIGTERM');
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      signalGroup(child, 'SIGKILL');
      await waitForExit(child, KILL_WAIT_MS);
    }
  }
  // Whatever the leader left behind in its group goes too.
  signalGroup(child, 'SIGKILL');
  liveChildren.delete(child);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (!isRunning(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone, which is what we wanted.
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
