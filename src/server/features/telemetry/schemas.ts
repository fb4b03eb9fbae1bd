import { z } from 'zod';

const EventBase = {
  /** Unique per device: a re-sent event is recognised by it and ignored. */
  id: z.string().min(1).max(100),
  ts: z.iso.datetime({ offset: true }),
};

/** The events of SPEC §8. Shape is checked here (400 for the batch); plausibility per event. */
export const TelemetryEvent = z.discriminatedUnion('type', [
  z.object({
    ...EventBase,
    type: z.literal('position'),
    lat: z.number(),
    lon: z.number(),
    speedKmh: z.number().optional(),
    heading: z.number().optional(),
  }),
  z.object({ ...EventBase, type: z.literal('ignition'), on: z.boolean() }),
  z.object({ ...EventBase, type: z.literal('odometer'), km: z.number() }),
  z.object({ ...EventBase, type: z.literal('fuel'), percent: z.number() }),
  z.object({ ...EventBase, type: z.literal('battery'), percent: z.number() }),
  z.object({
    ...EventBase,
    type: z.literal('warning_light'),
    code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a lower-case code such as engine or oil_pressure'),
    on: z.boolean(),
    description: z.string().max(200).optional(),
  }),
]);
export type TelemetryEvent = z.infer<typeof TelemetryEvent>;

export const MAX_EVENTS_PER_BATCH = 5000;

export const TelemetryBatch = z.object({
  events: z.array(TelemetryEvent).min(1).max(MAX_EVENTS_PER_BATCH),
});

export const REJECTION_REASONS = [
  'position_out_of_range',
  'speed_out_of_range',
  'heading_out_of_range',
  'percent_out_of_range',
  'odometer_out_of_range',
  'in_the_future',
  'too_old',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const IngestAnswer = z.object({
  /** Events stored now. */
  accepted: z.number().int(),
  /** Events already stored before (re-sent), ignored. */
  duplicates: z.number().int(),
  /** Events refused, each with why; the rest of the batch is kept. */
  rejected: z.array(z.object({ id: z.string(), reason: z.enum(REJECTION_REASONS) })),
});
