import registryData from '../../data/feeds.json';
import type { FeedConfig } from './types';

/** Feeds shipped with the app (data/feeds.json). */
export const registryFeeds = registryData.feeds as FeedConfig[];

export const embeddedFeed: FeedConfig = registryFeeds.find((f) => f.id === 'embedded')!;
