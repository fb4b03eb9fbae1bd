// The reference for chat delivery: node:http and the `ws` package with nothing else. A POST
// publishes a message to a room and every socket subscribed to that room receives it; no
// authentication, no database, no validation beyond parsing. It speaks keyfob's wire shapes
// (the same paths, `{type:"subscribe",vehicleId}`, `{type:"message",message}`, a 201 with the
// message) so the benchmark's client code is the same for both. Keep it bare: anything added
// here flatters keyfob's ratio.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? '3000');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(
    `ws-broadcast: PORT must be a whole number from 0 to 65535 (got ${process.env.PORT})\n`,
  );
  process.exit(1);
}
const host = process.env.HOST || '127.0.0.1';

const POST_PATH = /^\/api\/v1\/vehicles\/([^/]+)\/messages$/;
const MAX_BODY_BYTES = 16 * 1024;
const rooms = new Map<string, Set<WebSocket>>();

const server = http.createServer((request, response) => {
  const room = request.method === 'POST' ? POST_PATH.exec(request.url ?? '')?.[1] : undefined;
  if (room === undefined) {
    response.writeHead(request.url === '/healthz' ? 200 : 404).end();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  request.on('end', () => {
    let body: unknown;
    try {
      body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body?: unknown }).body;
    } catch {
      body = undefined;
    }
    if (typeof body !== 'string' || size > MAX_BODY_BYTES) {
      response.writeHead(400).end();
      return;
    }
    const message = {
      id: randomUUID(),
      vehicleId: room,
      body,
      author: { id: null, name: 'Reference' },
      authorRole: 'workshop',
      createdAt: new Date(),
    };
    // Serialised once, sent to every subscriber.
    const payload = JSON.stringify({ type: 'message', message });
    for (const socket of rooms.get(room) ?? []) socket.send(payload);
    response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message));
  });
});

const sockets = new WebSocketServer({ server, path: '/api/v1/chat/live', maxPayload: 16 * 1024 });
sockets.on('connection', (socket) => {
  const joined = new Set<string>();
  socket.on('message', (data) => {
    let parsed: { type?: unknown; vehicleId?: unknown };
    try {
      parsed = JSON.parse(String(data)) as typeof parsed;
    } catch {
      return socket.send(JSON.stringify({ type: 'error', code: 'validation_failed' }));
    }
    const room = parsed.vehicleId;
    if (typeof room !== 'string')
      return socket.send(JSON.stringify({ type: 'error', code: 'validation_failed' }));
    if (parsed.type === 'subscribe') {
      const members = rooms.get(room) ?? new Set();
      members.add(socket);
      rooms.set(room, members);
      joined.add(room);
      socket.send(JSON.stringify({ type: 'subscribed', vehicleId: room, myRole: 'workshop' }));
    } else if (parsed.type === 'unsubscribe') {
      rooms.get(room)?.delete(socket);
      joined.delete(room);
    }
  });
  socket.on('close', () => {
    for (const room of joined) {
      const members = rooms.get(room);
      members?.delete(socket);
      if (members?.size === 0) rooms.delete(room);
    }
  });
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const client of sockets.clients) client.terminate();
    sockets.close();
    server.close(() => process.exit(0));
  });
}

server.listen(port, host, () => {
  process.stdout.write(`ws-broadcast is running on http://${host}:${port}/\n`);
});
