import type { ProblemCode } from '../../shared/problems.ts';

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'The request is not valid',
  unauthenticated: 'Sign in first',
  forbidden: 'You may not do this',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many requests; try again later',
  not_ready: 'The service is not ready',
  internal_error: 'Something went wrong on our side',
  invalid_credentials: 'Wrong email or password',
  invitation_expired: 'This invitation link has expired',
  invitation_used: 'This invitation link has already been used',
  invitation_revoked: 'This invitation link is no longer valid',
  invitation_not_found: 'No such invitation',
  invitation_not_pending: 'The invitation is no longer pending',
  login_required: 'Sign in as the invited person to accept',
  email_mismatch: 'You are signed in as someone else',
  already_invited: 'This person is already invited',
  already_a_member: 'This person is already a member',
  link_expired: 'This link has expired',
  link_used: 'This link has already been used',
  link_revoked: 'This link is no longer valid',
  link_not_found: 'No such link',
  vin_taken: 'A vehicle with this VIN is already in keyfob',
  primary_user_exists: 'The vehicle already has a primary user or a pending invitation for one',
  confirmation_required: 'Confirm first: this removes every user of the vehicle',
  secondary_user_limit: 'The vehicle already has five secondary users or invitations',
  already_a_user: 'This person already uses the vehicle',
  ask_the_primary: 'Only the primary user can remove you from the vehicle',
  trip_already_assigned: 'Trip already assigned',
  slot_unavailable: 'This time is no longer free; choose another',
  booking_status_conflict: "The booking's status does not allow this now",
  cancellation_too_late: 'Too late to cancel in the app; contact the workshop',
  service_type_exists: 'The workshop has a service type of this name',
  no_vehicle_users: 'The vehicle has no users to tell',
  month_not_over: 'This month has not ended yet',
  month_closed: 'This month is closed: its statements and rates no longer change',
  statement_not_awaiting_approval: 'This statement is not awaiting approval',
};

/**
 * An error that becomes an `application/problem+json` answer. Commands throw these; the error
 * handler turns them into responses, so no route builds an error body by hand.
 */
export class Problem extends Error {
  readonly title: string;

  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    /** Extra members of the problem body, e.g. `affectedUsers`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'Problem';
    this.title = TITLES[code];
  }
}

export const notFound = (detail?: string) => new Problem(404, 'not_found', detail);
export const forbidden = (detail?: string) => new Problem(403, 'forbidden', detail);
export const unauthenticated = (detail?: string) => new Problem(401, 'unauthenticated', detail);

/** Why one field was refused, in words a client can translate: the message is English detail. */
export type FieldErrorCode =
  | 'required'
  | 'invalid'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'too_common'
  | 'not_found'
  | 'not_allowed';

export interface FieldError {
  field: string;
  in: 'body' | 'params' | 'querystring' | 'headers';
  code: FieldErrorCode;
  message: string;
}

/** 400 `validation_failed` naming each field that was refused, one entry per field. */
export function validationFailed(errors: FieldError[]): Problem {
  return new Problem(
    400,
    'validation_failed',
    `Check these fields: ${errors.map((e) => e.field).join(', ')}`,
    { errors },
  );
}

/** One refused body field. */
export function invalidField(field: string, code: FieldErrorCode, message: string): Problem {
  return validationFailed([{ field, in: 'body', code, message }]);
}
