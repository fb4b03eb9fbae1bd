/**
 * Every stable `code` an API problem can carry. Clients switch on these, so a code is never
 * renamed or reused for another meaning.
 */
export const PROBLEM_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'not_ready',
  'internal_error',
  'invalid_credentials',
  'invitation_expired',
  'invitation_used',
  'invitation_revoked',
  'invitation_not_found',
  'invitation_not_pending',
  'login_required',
  'email_mismatch',
  'already_invited',
  'already_a_member',
  'link_expired',
  'link_used',
  'link_revoked',
  'link_not_found',
  'vin_taken',
  'primary_user_exists',
  'confirmation_required',
  'secondary_user_limit',
  'already_a_user',
  'ask_the_primary',
  'trip_already_assigned',
  'slot_unavailable',
  'booking_status_conflict',
  'cancellation_too_late',
  'service_type_exists',
  'no_vehicle_users',
  'month_not_over',
  'month_closed',
  'statement_not_awaiting_approval',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The body of an `application/problem+json` answer (RFC 9457) with keyfob's `code`. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}
