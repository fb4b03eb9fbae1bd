import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/db.ts';
import { bearer, buildOperator, buildStaff, buildUser, buildVehicle, signIn } from '../../test/factories.ts';
import { mailsTo } from '../../test/mail.ts';
import { useTestApp } from '../../test/server.ts';
import { CHAT_MAIL_QUIET_MS, sendChatMails } from './chat-mail.ts';

const MINUTE = 60_000;

describe('batched chat mail for participants who are away', () => {
  const t = useTestApp();

  async function conversation() {
    const primary = await buildUser(t.database.db, { name: 'Pia Primary' });
    const friend = await buildUser(t.database.db, { name: 'Frida Friend' });
    const built = await buildVehicle(t.database.db, { primary, secondaries: [friend] });
    const advisor = await buildStaff(t.database.db, built.workshop, ['service_advisor'], {
      name: 'Ada Advisor',
    });
    // Staff of the operator, and workshop staff whose roles do not chat, are not participants.
    const operatorAdmin = await buildStaff(t.database.db, await buildOperator(t.database.db), ['admin']);
    const headersOf = async (user: { id: string }) =>
      bearer(await signIn(t.database.db, user, t.clock.now()));
    return { ...built, primary, friend, advisor, operatorAdmin, headersOf };
  }
  const at = (start: Date, minutes: number) => {
    t.clock.set(new Date(start.getTime() + minutes * MINUTE));
  };
  const write = async (vid: string, headers: Record<string, string>, body: string) => {
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/${vid}/messages`,
      headers,
      payload: { body },
    });
    expect(answer.statusCode, answer.body).toBe(201);
  };
  const readChat = async (vid: string, headers: Record<string, string>) => {
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/vehicles/${vid}/messages/read`,
      headers,
    });
    expect(answer.statusCode).toBe(204);
  };
  const run = () => sendChatMails(t.database.db, { now: t.clock.now(), publicUrl: 'http://keyfob.test' });
  const chatMails = async (email: string) =>
    (await mailsTo(t.database.db, email)).filter((mail) => mail.topic === 'chat_messages');

  it('sends one mail for a batch, after the quiet period, to each participant who did not read it', async () => {
    const { vehicle, workshop, primary, friend, advisor, operatorAdmin, headersOf } = await conversation();
    const start = t.clock.now();
    const primaryHeaders = await headersOf(primary);
    for (const [minute, body] of [
      [0, 'The car pulls to the left'],
      [1, 'Mostly at speed'],
      [2, 'Can you look at it this week?'],
    ] as const) {
      at(start, minute);
      await write(vehicle.id, primaryHeaders, body);
    }
    // Within five minutes of the first unread message: nobody is taken to be away yet.
    at(start, CHAT_MAIL_QUIET_MS / MINUTE - 1);
    expect(await run()).toBe(0);

    at(start, CHAT_MAIL_QUIET_MS / MINUTE);
    expect(await run()).toBe(2);
    const [toFriend, ...moreToFriend] = await chatMails(friend.email);
    expect(moreToFriend).toEqual([]);
    expect(toFriend?.subject).toBe(`3 new messages about ${vehicle.registrationNumber} (Volvo XC40)`);
    const lines = toFriend?.text.split('\n') ?? [];
    const quoted = lines.filter((line) => line.startsWith('Pia Primary ('));
    expect(quoted.map((line) => line.slice(line.indexOf('): ') + 3))).toEqual([
      'The car pulls to the left',
      'Mostly at speed',
      'Can you look at it this week?',
    ]);
    expect(toFriend?.text).toContain(`http://keyfob.test/app/chat?vehicle=${vehicle.id}`);
    const [toAdvisor] = await chatMails(advisor.email);
    expect(toAdvisor?.text).toContain(
      `http://keyfob.test/workshop/inbox?workshop=${workshop.id}&vehicle=${vehicle.id}`,
    );
    // The author is not told about their own messages; operator staff do not take part.
    expect(await chatMails(primary.email)).toEqual([]);
    expect(await chatMails(operatorAdmin.email)).toEqual([]);

    // Nothing new: no second mail, however often the round runs.
    at(start, 20);
    expect(await run()).toBe(0);
  });

  it('mails the next batch only, and nobody who read it in time', async () => {
    const { vehicle, friend, advisor, primary, headersOf } = await conversation();
    const start = t.clock.now();
    const advisorHeaders = await headersOf(advisor);
    await write(vehicle.id, advisorHeaders, 'We can take it on Thursday');
    at(start, 6);
    expect(await run()).toBe(2); // the primary and the friend
    at(start, 7);
    await readChat(vehicle.id, await headersOf(primary));
    at(start, 8);
    await write(vehicle.id, advisorHeaders, 'Bring the spare key please');
    // The friend reads within the quiet period; the primary does not.
    at(start, 9);
    await readChat(vehicle.id, await headersOf(friend));
    at(start, 13);
    expect(await run()).toBe(1);
    const toPrimary = await chatMails(primary.email);
    expect(toPrimary).toHaveLength(2);
    expect(toPrimary[1]?.subject).toBe(`A new message about ${vehicle.registrationNumber} (Volvo XC40)`);
    expect(toPrimary[1]?.text).toContain('Bring the spare key please');
    expect(toPrimary[1]?.text).not.toContain('We can take it on Thursday');
    expect(await chatMails(friend.email)).toHaveLength(1);
  });

  it('sends nothing to someone who turned chat mail off, and no backlog when they turn it on again', async () => {
    const { vehicle, friend, advisor, headersOf } = await conversation();
    const start = t.clock.now();
    const friendHeaders = await headersOf(friend);
    const setChatMail = async (on: boolean) => {
      const answer = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        headers: friendHeaders,
        payload: { email: { chat_messages: on } },
      });
      expect(answer.statusCode).toBe(200);
    };
    await setChatMail(false);
    await write(vehicle.id, await headersOf(advisor), 'Your car is ready');
    at(start, 6);
    await run();
    expect(await chatMails(friend.email)).toEqual([]);
    await setChatMail(true);
    at(start, 12);
    await run();
    expect(await chatMails(friend.email)).toEqual([]);
  });

  describe.runIf(testDatabaseKind() === 'postgres')(
    'on PostgreSQL (skipped on PGlite: one connection, no concurrency)',
    () => {
      it('mails each batch once when several instances run the round at the same time', async () => {
        const { vehicle, friend, advisor, headersOf } = await conversation();
        const start = t.clock.now();
        await write(vehicle.id, await headersOf(advisor), 'All done');
        at(start, 6);
        const queued = await Promise.all(Array.from({ length: 6 }, () => run()));
        expect(queued.reduce((sum, n) => sum + n, 0)).toBe(2);
        expect(await chatMails(friend.email)).toHaveLength(1);
      });
    },
  );
});
