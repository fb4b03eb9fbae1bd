import { eq } from 'drizzle-orm';
import type { ChangeFeed } from '../../db/change-feed.ts';
import type { Database } from '../../db/client.ts';
import { vehicles } from '../../db/schema/index.ts';
import { LiveCache } from '../../lib/live-cache.ts';
import { hashToken, isWellFormedToken } from '../../lib/tokens.ts';

/**
 * Which vehicle a device token belongs to, kept in process; rotating the token changes the
 * vehicle row, whose notification drops the old token at once.
 */
export class DeviceDirectory {
  readonly #cache: LiveCache<string, { vehicleId: string }>;

  constructor(
    private readonly db: Database,
    feed: ChangeFeed,
    max = 100_000,
  ) {
    this.#cache = new LiveCache(feed, { max, tagOf: (device) => device.vehicleId, dropTagOn: ['vehicles'] });
  }

  async vehicleOf(token: string | undefined): Promise<string | undefined> {
    if (!token || !isWellFormedToken(token)) return undefined;
    const hash = hashToken(token);
    const device = await this.#cache.get(hash, async () => {
      const [vehicle] = await this.db
        .select({ vehicleId: vehicles.id })
        .from(vehicles)
        .where(eq(vehicles.deviceTokenHash, hash));
      return vehicle;
    });
    return device?.vehicleId;
  }
}
