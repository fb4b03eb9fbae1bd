import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, MessagePage } from '../api/chat.ts';
import { messageLength, oldestFirst, withMessage } from './chat-thread.ts';

const message = (id: string, minute: number): ChatMessage => ({
  id,
  vehicleId: 'v1',
  body: `message ${id}`,
  author: { id: 'u1', name: 'Anna' },
  authorRole: 'secondary',
  createdAt: `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`,
});

const page = (items: ChatMessage[], nextCursor: string | null = null): MessagePage => ({
  items,
  nextCursor,
  myRole: 'workshop',
  unreadCount: 0,
});

const pages = (...list: MessagePage[]): InfiniteData<MessagePage, string | undefined> => ({
  pages: list,
  pageParams: list.map((_, index) => (index === 0 ? undefined : `cursor-${index}`)),
});

describe('the messages of a conversation', () => {
  it('puts a live message at the top of the newest page', () => {
    const data = pages(page([message('b', 2), message('a', 1)]));
    const next = withMessage(data, message('c', 3));
    expect(next?.pages[0]?.items.map((item) => item.id)).toEqual(['c', 'b', 'a']);
    expect(next?.pageParams).toEqual(data.pageParams);
  });

  it('adds a message once, whether the socket or the POST answer brings it first', () => {
    const data = pages(page([message('b', 2)]), page([message('a', 1)]));
    expect(withMessage(data, message('b', 2))).toBe(data);
    expect(withMessage(data, message('a', 1))).toBe(data);
  });

  it('keeps the newest-first order when a message arrives late', () => {
    const data = pages(page([message('c', 3), message('a', 1)]));
    const next = withMessage(data, message('b', 2));
    expect(next?.pages[0]?.items.map((item) => item.id)).toEqual(['c', 'b', 'a']);
  });

  it('leaves a conversation that is not loaded alone', () => {
    expect(withMessage(undefined, message('a', 1))).toBeUndefined();
  });

  it('reads oldest first, each message once, ties broken by id as the server does', () => {
    const newest = page([message('d', 3), message('c', 2), message('b', 2)], 'cursor');
    const older = page([message('b', 2), message('a', 1)]);
    expect(oldestFirst([newest, older]).map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts characters the way the server limits them, without surrounding spaces', () => {
    expect(messageLength('  hello \n')).toBe(5);
    expect(messageLength('   ')).toBe(0);
  });
});
