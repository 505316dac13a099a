/**
 * One refresher across tabs. A feed is refreshed under a Web Lock (`segur-pulse:refresh:<feed>`)
 * taken only if free: a tab that finds it held waits for it to be released, then reloads what
 * the holder stored. Tabs tell each other of new data over a BroadcastChannel. Where either API
 * is missing each tab simply does its own work (more requests, same data).
 */

export const CHANNEL_NAME = 'segur-pulse:data';
export const lockName = (feedId: string) => `segur-pulse:refresh:${feedId}`;

/** What a tab tells the others. `data`: observations changed; `states`: only feed states. */
export type CrossTabMessage = { type: 'data' | 'states'; feeds: string[]; from: string };

type Locks = Pick<LockManager, 'request'>;

export type LockedResult<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `work` holding the feed's lock if no other tab holds it; otherwise waits until the other
 * tab's refresh ends and returns `{ ran: false }`.
 */
export async function withFeedLock<T>(
  feedId: string,
  work: () => Promise<T>,
  locks: Locks | undefined = globalThis.navigator?.locks,
): Promise<LockedResult<T>> {
  if (!locks) return { ran: true, value: await work() };
  const result = await locks.request(
    lockName(feedId),
    { ifAvailable: true },
    async (lock): Promise<LockedResult<T>> =>
      lock ? { ran: true, value: await work() } : { ran: false },
  );
  if (!result.ran) {
    // Queue behind the holder: granted once its refresh (and commit) is over.
    await locks.request(lockName(feedId), { mode: 'shared' }, async () => undefined);
  }
  return result;
}

export interface TabChannel {
  post(message: Omit<CrossTabMessage, 'from'>): void;
  close(): void;
}

/** Opens the data channel; messages from this same tab are ignored. */
export function openTabChannel(
  onMessage: (message: CrossTabMessage) => void,
  Channel: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel,
): TabChannel {
  if (!Channel) return { post() {}, close() {} };
  const self = Math.random().toString(36).slice(2);
  const channel = new Channel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<CrossTabMessage>) => {
    if (event.data?.from !== self) onMessage(event.data);
  };
  return {
    post: (message) => channel.postMessage({ ...message, from: self }),
    close: () => channel.close(),
  };
}
