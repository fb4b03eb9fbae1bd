import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { alternate, median } from './lib/alternate.ts';
import type { Benchmark } from './lib/figure.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';
import { startServer } from './lib/server-process.ts';
import { keyfobServer } from './lib/servers.ts';

const EVENTS_PER_ROUND = 100_000;
const DEVICES_PER_ROUND = 20;
const BATCH_SIZE = 1000;
/** Devices posting at the same time. */
const CONCURRENCY = 8;
const TARGET_RATIO = 0.35;

interface Event {
  id: string;
  type: 'position' | 'fuel' | 'odometer' | 'ignition';
  ts: string;
  lat?: number;
  lon?: number;
  speedKmh?: number;
  percent?: number;
  km?: number;
  on?: boolean;
}

/** A device's day: positions every few seconds, with fuel and odometer now and then. */
function eventsOfDevice(device: number, count: number, start: number): Event[] {
  const events: Event[] = [];
  for (let i = 0; i < count; i++) {
    const ts = new Date(start + i * 3000).toISOString();
    const id = `d${device}-${i}`;
    if (i % 10 === 5) events.push({ id, type: 'fuel', ts, percent: 80 - (i % 500) / 10 });
    else if (i % 10 === 9) events.push({ id, type: 'odometer', ts, km: 20_000 + i * 0.04 });
    else
      events.push({
        id,
        type: 'position',
        ts,
        lat: 55.6 + device * 0.001 + i * 0.00001,
        lon: 12.5 + i * 0.00001,
        speedKmh: 40 + (i % 30),
      });
  }
  return events;
}

interface Device {
  vehicleId: string;
  token: string;
  events: Event[];
}

/** Vehicles with known device tokens, straight into the database (the workshop API is not measured). */
async function makeDevices(client: pg.Client, workshopId: string, round: string): Promise<Device[]> {
  const perDevice = EVENTS_PER_ROUND / DEVICES_PER_ROUND;
  const start = Date.now() - 6 * 60 * 60 * 1000;
  const devices: Device[] = [];
  for (let device = 0; device < DEVICES_PER_ROUND; device++) {
    const token = randomBytes(32).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    const vin = `BENCH${round}${String(device).padStart(4, '0')}`.slice(0, 17).padEnd(17, '0');
    const { rows } = await client.query<{ id: string }>(
      `insert into vehicles (workshop_id, vin, registration_number, make, model, device_token_hash, created_at)
       values ($1, $2, $3, 'Volvo', 'V60', $4, now()) returning id`,
      [workshopId, vin, `BE ${device}`, hash],
    );
    const vehicleId = rows[0]?.id;
    if (!vehicleId) throw new Error('no vehicle inserted');
    devices.push({ vehicleId, token, events: eventsOfDevice(device, perDevice, start) });
  }
  return devices;
}

async function countRows(client: pg.Client, devices: Device[]): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'select count(*) as n from telemetry_events where vehicle_id = any($1::uuid[])',
    [devices.map((device) => device.vehicleId)],
  );
  return Number(rows[0]?.n ?? 0);
}

const csvValue = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * BENCHMARKS.md: 100,000 events through `POST /api/v1/ingest/telemetry` in batches of 1,000 from
 * 20 devices, 8 at a time, against a server-side `COPY` of the same rows into the same table, in
 * the same run. Rows are counted in the database after each side; each round uses new vehicles.
 */
export const telemetryIngest: Benchmark = {
  name: 'telemetry-ingest',
  description:
    'telemetry ingest of 100,000 events through POST /api/v1/ingest/telemetry (batches of 1,000) ' +
    'against a server-side COPY of the same rows, rows/s',
  async run({ scope, settings, log }) {
    const database = await createScratchDatabase(scope, settings.databaseUrl);
    const server = await startServer(scope, keyfobServer({ kind: 'postgres', url: database.url }));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    scope.defer('ingest bench client', () => client.end());
    const folder = await mkdtemp(join(tmpdir(), 'keyfob-ingest-'));
    await chmod(folder, 0o755);
    scope.defer('ingest bench files', () => rm(folder, { recursive: true, force: true }));
    const { rows } = await client.query<{ id: string }>(
      `insert into organizations (kind, name) values ('workshop', 'Bench Motors') returning id`,
    );
    const workshopId = rows[0]?.id;
    if (!workshopId) throw new Error('no workshop inserted');
    let round = 0;

    const reference = async () => {
      const devices = await makeDevices(client, workshopId, `C${round++}`);
      const file = join(folder, `round-${round}.csv`);
      const lines = devices.flatMap((device) =>
        device.events.map((event) =>
          [
            device.vehicleId,
            event.id,
            event.type,
            event.ts,
            new Date().toISOString(),
            csvValue(event.lat),
            csvValue(event.lon),
            csvValue(event.speedKmh),
            csvValue(event.on),
            csvValue(event.km),
            csvValue(event.percent),
          ].join(','),
        ),
      );
      await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o644 });
      const started = performance.now();
      await client.query(
        `copy telemetry_events (vehicle_id, event_id, type, ts, received_at, lat, lon, speed_kmh, is_on, km, percent)
         from '${file}' with (format csv)`,
      );
      const seconds = (performance.now() - started) / 1000;
      const stored = await countRows(client, devices);
      if (stored !== EVENTS_PER_ROUND)
        throw new Error(`COPY stored ${stored} rows, expected ${EVENTS_PER_ROUND}`);
      return { rowsPerS: stored / seconds, seconds };
    };

    const subject = async () => {
      const devices = await makeDevices(client, workshopId, `A${round++}`);
      const batches = devices.flatMap((device) =>
        Array.from({ length: device.events.length / BATCH_SIZE }, (_, i) => ({
          token: device.token,
          body: JSON.stringify({ events: device.events.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE) }),
        })),
      );
      let next = 0;
      let accepted = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let batch = batches[next++]; batch; batch = batches[next++]) {
            const response = await fetch(`${server.origin}/api/v1/ingest/telemetry`, {
              method: 'POST',
              headers: { authorization: `Bearer ${batch.token}`, 'content-type': 'application/json' },
              body: batch.body,
            });
            const text = await response.text();
            if (response.status !== 202)
              throw new Error(`ingest answered ${response.status}: ${text.slice(0, 300)}`);
            accepted += (JSON.parse(text) as { accepted: number }).accepted;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const stored = await countRows(client, devices);
      if (stored !== EVENTS_PER_ROUND || accepted !== EVENTS_PER_ROUND) {
        throw new Error(`ingest stored ${stored} rows (answered ${accepted}), expected ${EVENTS_PER_ROUND}`);
      }
      return { rowsPerS: stored / seconds, seconds };
    };

    const samples = await alternate({
      rounds: settings.rounds,
      reference,
      subject,
      onSample: (at, side, sample) =>
        log(
          `round ${at} ${side === 'reference' ? 'server-side COPY' : 'ingest API'}: ` +
            `${Math.round(sample.rowsPerS)} rows/s (${sample.seconds.toFixed(2)} s for ${EVENTS_PER_ROUND} rows, counted)`,
        ),
    });
    return [
      {
        figure: 'telemetry ingest rows/s (100,000 events, batches of 1,000)',
        subject: { value: median(samples.subject.map((sample) => sample.rowsPerS)), unit: 'rows/s' },
        reference: { value: median(samples.reference.map((sample) => sample.rowsPerS)), unit: 'rows/s' },
        targets: [{ kind: 'ratio', comparison: 'at-least', bound: TARGET_RATIO }],
      },
    ];
  },
};
