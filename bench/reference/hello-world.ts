// The reference server: Fastify 5 with nothing added, so a ratio against it measures what keyfob
// adds on top of the framework. Keep it bare; anything added here flatters every figure.
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? '3000');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(
    `hello-world: PORT must be a whole number from 0 to 65535 (got ${process.env.PORT})\n`,
  );
  process.exit(1);
}
const host = process.env.HOST || '127.0.0.1';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}

await app.listen({ host, port });
process.stdout.write(`hello-world is running on http://${host}:${port}/\n`);
