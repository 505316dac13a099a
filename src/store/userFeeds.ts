/**
 * Feeds the user added in this browser (table `userFeeds`): list, save, delete with their data,
 * and their export file. An imported file's bytes stay here so it can be validated again.
 */
import { checksum } from '../lib/checksum';
import type { IngestResult } from '../feeds/ingest';
import type { FeedConfig } from '../feeds/types';
import { normaliseConfig } from '../feeds/mapping';
import { base64ToBytes, bytesToBase64, type ExportedUserFeed } from '../feeds/userFeedConfig';
import type { PulseDatabase, UserFeed } from './db';
import { commitSnapshot, removeFeedData } from './repository';

/** The user's feeds, oldest first, their configurations in the current form (normaliseConfig). */
export async function listUserFeeds(db: PulseDatabase): Promise<UserFeed[]> {
  const feeds = await db.userFeeds.toArray();
  return feeds
    .map((f) => ({ ...f, config: normaliseConfig(f.config) }))
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt));
}

export async function saveUserFeed(db: PulseDatabase, feed: UserFeed): Promise<void> {
  await db.userFeeds.put(feed);
}

/**
 * Saves a user feed and its validated observations together: either both are stored or
 * neither. For a feed added by URL, `meta` carries the answer's validators for later refreshes.
 */
export async function saveUserFeedWithData(
  db: PulseDatabase,
  feed: UserFeed,
  result: IngestResult,
  meta: { fetchedAt: string; checksum: string; etag?: string; lastModified?: string },
): Promise<void> {
  const stored = { ...feed, config: withBreakdownLabels(feed.config, result.breakdownLabels) };
  await db.transaction('rw', [db.userFeeds, db.feeds, db.snapshots, db.series], async () => {
    await db.userFeeds.put(stored);
    await commitSnapshot(db, feed.id, result.observations, {
      ...meta,
      encoding: result.report.encoding,
      warnings: result.report.warnings,
      report: result.report,
    });
  });
}

/**
 * The configuration with the labels of breakdown values its data uses that the catalogue does
 * not name (so charts show "25-34 ans", not the stored id); unchanged when there are none.
 */
export function withBreakdownLabels(
  config: FeedConfig,
  labels: Readonly<Record<string, string>>,
): FeedConfig {
  if (!Object.keys(labels).length) return config;
  return { ...config, breakdownLabels: { ...config.breakdownLabels, ...labels } };
}

/** An imported file's feed with its observations; the checksum is the file's. */
export async function saveImportedFile(
  db: PulseDatabase,
  feed: UserFeed & { file: NonNullable<UserFeed['file']> },
  result: IngestResult,
  at: string,
): Promise<void> {
  const sum = await checksum(new Uint8Array(feed.file.bytes));
  await saveUserFeedWithData(db, feed, result, { fetchedAt: at, checksum: sum });
}

/** Removes a user feed and everything stored for it (state, snapshots, observations). */
export async function deleteUserFeed(db: PulseDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.userFeeds, db.feeds, db.snapshots, db.series], async () => {
    await db.userFeeds.delete(id);
    await removeFeedData(db, id);
  });
}

export function toExported(feed: UserFeed): ExportedUserFeed {
  const out: ExportedUserFeed = { config: feed.config, addedAt: feed.addedAt };
  if (feed.file) {
    out.file = {
      name: feed.file.name,
      importedAt: feed.file.importedAt,
      base64: bytesToBase64(new Uint8Array(feed.file.bytes)),
    };
  }
  return out;
}

export function fromExported(feed: ExportedUserFeed): UserFeed {
  const out: UserFeed = {
    id: feed.config.id,
    config: normaliseConfig(feed.config),
    addedAt: feed.addedAt,
  };
  if (feed.file) {
    const bytes = base64ToBytes(feed.file.base64);
    out.file = {
      name: feed.file.name,
      importedAt: feed.file.importedAt,
      bytes: bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer,
    };
  }
  return out;
}
