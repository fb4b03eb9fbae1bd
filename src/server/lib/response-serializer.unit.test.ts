import fc from 'fast-check';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VehicleView } from '../features/vehicle-users/vehicle-view.ts';
import { FUEL_TYPES } from '../features/vehicles/schemas.ts';
import { responseSerializerCompiler } from './response-serializer.ts';

const compile = (schema: z.ZodType) => ({
  fast: responseSerializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }),
  zod: zodSerializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }),
});

const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true });
const reading = fc.record({ percent: fc.double({ min: 0, max: 100, noNaN: true }), at: date });
const vehicleView = fc.record({
  id: fc.uuid(),
  registrationNumber: fc.string(),
  make: fc.string(),
  model: fc.string(),
  year: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }),
  fuelType: fc.option(fc.constantFrom(...FUEL_TYPES), { nil: null }),
  myRole: fc.constantFrom('primary' as const, 'secondary' as const),
  sharing: fc.record({
    level: fc.constantFrom('shared' as const, 'limited' as const),
    isChosen: fc.boolean(),
  }),
  status: fc.record(
    {
      position: fc.record({
        lat: fc.double({ noNaN: true, noDefaultInfinity: true }),
        lon: fc.double({ noNaN: true, noDefaultInfinity: true }),
        at: date,
      }),
      positionHidden: fc.constantFrom('limited_sharing' as const, 'workshop' as const),
      odometer: fc.record({ km: fc.double({ min: 0, max: 1e7, noNaN: true }), at: date }),
      fuel: reading,
      battery: reading,
    },
    { requiredKeys: [] },
  ),
  alarms: fc.array(fc.record({ code: fc.string(), since: date }, { requiredKeys: ['code', 'since'] })),
});

describe('the response serializer', () => {
  it('writes what encoding with the zod schema and JSON.stringify writes', () => {
    const { fast, zod } = compile(VehicleView);
    fc.assert(
      fc.property(vehicleView, (view) => {
        expect(JSON.parse(fast(view))).toEqual(JSON.parse(zod(view)));
      }),
    );
  });

  it('leaves out every field the schema does not name, at any depth', () => {
    const { fast } = compile(VehicleView);
    fc.assert(
      fc.property(vehicleView, fc.string({ minLength: 1 }), (view, secret) => {
        const leaky = {
          ...view,
          email: secret,
          sharing: { ...view.sharing, chosenBy: secret },
          status: { ...view.status, internalNote: secret },
          alarms: view.alarms.map((alarm) => ({ ...alarm, raw: secret })),
        };
        const written = JSON.parse(fast(leaky));
        expect(written).not.toHaveProperty('email');
        expect(written.sharing).not.toHaveProperty('chosenBy');
        expect(written.status).not.toHaveProperty('internalNote');
        for (const alarm of written.alarms) expect(alarm).not.toHaveProperty('raw');
      }),
    );
  });

  it('writes dates as ISO 8601, nullable fields as null, and unions by their members', () => {
    const schema = z.object({
      at: z.date(),
      note: z.string().nullable(),
      outcome: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('ok'), count: z.number().int() }),
        z.object({ kind: z.literal('failed'), reason: z.string() }),
      ]),
    });
    const { fast } = compile(schema);
    const at = new Date('2026-03-29T01:30:00.000Z');
    expect(JSON.parse(fast({ at, note: null, outcome: { kind: 'failed', reason: 'x', extra: 1 } }))).toEqual({
      at: '2026-03-29T01:30:00.000Z',
      note: null,
      outcome: { kind: 'failed', reason: 'x' },
    });
  });
});
