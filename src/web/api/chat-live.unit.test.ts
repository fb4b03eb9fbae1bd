import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './chat-live.ts';

describe('reconnecting the chat socket', () => {
  it('waits about a second first, then twice as long each time', () => {
    expect(reconnectDelay(0, 1)).toBe(1000);
    expect(reconnectDelay(1, 1)).toBe(2000);
    expect(reconnectDelay(3, 1)).toBe(8000);
  });

  it('never waits longer than thirty seconds', () => {
    expect(reconnectDelay(10, 1)).toBe(30_000);
    expect(reconnectDelay(1000, 1)).toBe(30_000);
  });

  it('spreads each wait over its upper half, so tabs do not all return at once', () => {
    expect(reconnectDelay(2, 0)).toBe(2000);
    expect(reconnectDelay(2, 0.5)).toBe(3000);
  });
});
