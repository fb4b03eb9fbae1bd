import type { DriverVehicle } from './vehicle-users.ts';

/** Why the server ended a live stream. */
export type LiveEndReason = 'access_removed' | 'signed_out' | 'server_closing';

export interface LiveVehicleHandlers {
  /** The vehicle as `GET /vehicles/{vid}` answers it, on opening and after every change. */
  onVehicle: (vehicle: DriverVehicle) => void;
  /** The stream ended for good: access removed or signed out (a restart is reconnected). */
  onEnd: (reason: Exclude<LiveEndReason, 'server_closing'>) => void;
  /** The browser gave up on the stream (it answered an error); the caller decides what next. */
  onLost: () => void;
}

function isEndReason(value: unknown): value is LiveEndReason {
  return value === 'access_removed' || value === 'signed_out' || value === 'server_closing';
}

/**
 * Opens `GET /vehicles/{vid}/live` (server-sent events; the session cookie authenticates) and
 * returns the function that closes it. A server shutting down is reconnected to by the browser
 * itself, whose first message is the vehicle as it is then.
 */
export function openLiveVehicle(vehicleId: string, handlers: LiveVehicleHandlers): () => void {
  const source = new EventSource(`/api/v1/vehicles/${encodeURIComponent(vehicleId)}/live`);
  source.addEventListener('vehicle', (event) => {
    handlers.onVehicle(JSON.parse(event.data) as DriverVehicle);
  });
  source.addEventListener('end', (event) => {
    const { reason } = JSON.parse(event.data) as { reason?: unknown };
    if (!isEndReason(reason) || reason === 'server_closing') return;
    // Reconnecting would only be refused: stop here.
    source.close();
    handlers.onEnd(reason);
  });
  source.addEventListener('error', () => {
    // CONNECTING means the browser is already trying again; CLOSED means it will not.
    if (source.readyState === EventSource.CLOSED) handlers.onLost();
  });
  return () => source.close();
}
