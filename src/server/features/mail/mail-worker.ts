import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { deliverDueMail, type MailTransport } from './outbox.ts';

export interface MailWorker {
  /** Sends what is due now; called after a commit that queued mail, and on a timer. */
  kick(): void;
  /** Resolves when the current round (if any) is done; for tests. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** Delivers the outbox in the background: after each commit that queues mail, and every few seconds. */
export function startMailWorker(
  db: Database,
  transport: MailTransport,
  clock: Clock,
  log: FastifyBaseLogger,
  intervalMs = 5_000,
): MailWorker {
  let running: Promise<void> = Promise.resolve();
  let isStopped = false;
  let isQueued = false;

  const round = async () => {
    try {
      const sent = await deliverDueMail(db, transport, clock.now());
      if (sent > 0) log.info({ sent, transport: transport.kind }, 'mail delivered');
    } catch (error) {
      log.error({ err: error }, 'mail delivery round failed');
    }
  };
  const kick = () => {
    if (isStopped || isQueued) return;
    isQueued = true;
    running = running.then(async () => {
      isQueued = false;
      await round();
    });
  };
  const timer = setInterval(kick, intervalMs);
  timer.unref();
  return {
    kick,
    drain: () => running,
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
