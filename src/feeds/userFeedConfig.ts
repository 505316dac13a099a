/**
 * Feeds a user adds in this browser: checks of their configuration (https only, a complete
 * mapping), and the JSON file that exports and imports them. Pure; storage is src/store/userFeeds.
 */
import { MAPPING_FIELDS, REQUIRED_FIELDS } from './guessMapping';
import { FEED_FORMATS, type ColumnMapping, type FeedConfig, type FeedFormat } from './types';

export const EXPORT_KIND = 'segur-pulse-user-feeds';
export const EXPORT_VERSION = 1;

/** A user feed as exported: its configuration, and an imported file's bytes in base64. */
export interface ExportedUserFeed {
  config: FeedConfig;
  addedAt: string;
  file?: { name: string; importedAt: string; base64: string };
}

export interface UserFeedsExport {
  kind: typeof EXPORT_KIND;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  feeds: ExportedUserFeed[];
}

/** Why a feed address is refused, or null: only https, which cannot be read or altered on the way. */
export function httpsUrlProblem(url: string): string | null {
  const s = url.trim();
  if (!s) return 'the address is empty';
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    return `"${s.slice(0, 80)}" is not a web address (it should start with https://)`;
  }
  if (parsed.protocol === 'http:')
    return 'only https:// addresses are accepted: http:// is not encrypted and can be altered on the way';
  if (parsed.protocol !== 'https:')
    return `"${parsed.protocol}" addresses are not accepted: only https://`;
  if (parsed.username || parsed.password)
    return 'the address must not hold a user name or password';
  return null;
}

/** Problems of a mapping, each prefixed with `path` (e.g. `feeds[0].config.mapping`). */
export function mappingProblems(value: unknown, path: string): string[] {
  if (!isObject(value)) return [`${path}: must be an object`];
  const problems: string[] = [];
  for (const [field, src] of Object.entries(value)) {
    if (!MAPPING_FIELDS.includes(field as keyof ColumnMapping)) {
      problems.push(
        `${path}.${field}: unknown field (expected one of ${MAPPING_FIELDS.join(', ')})`,
      );
      continue;
    }
    const okColumn =
      isObject(src) &&
      typeof src.column === 'string' &&
      src.column !== '' &&
      (src.prefix === undefined || typeof src.prefix === 'string') &&
      Object.keys(src).every((k) => k === 'column' || k === 'prefix');
    const okValue = isObject(src) && typeof src.value === 'string' && Object.keys(src).length === 1;
    if (!okColumn && !okValue)
      problems.push(
        `${path}.${field}: must be {"column": "...", "prefix"?: "..."} or {"value": "..."}`,
      );
  }
  for (const field of REQUIRED_FIELDS) {
    if (!(field in value)) problems.push(`${path}.${field}: is required`);
  }
  return problems;
}

/** Problems of a user feed's configuration; `file` says it is an imported file (no URL fetched). */
export function configProblems(value: unknown, path: string, file: boolean): string[] {
  if (!isObject(value)) return [`${path}: must be an object`];
  const problems: string[] = [];
  if (typeof value.id !== 'string' || !/^user-[a-z0-9-]{1,80}$/.test(value.id))
    problems.push(`${path}.id: must be "user-" followed by lower-case letters, digits or dashes`);
  const label = value.label;
  if (
    !isObject(label) ||
    typeof label.fr !== 'string' ||
    typeof label.en !== 'string' ||
    !label.fr.trim()
  )
    problems.push(`${path}.label: must be {"fr": "...", "en": "..."}, not empty`);
  if (!FEED_FORMATS.includes(value.format as FeedFormat))
    problems.push(`${path}.format: must be one of ${FEED_FORMATS.join(', ')}`);
  if (typeof value.url !== 'string') problems.push(`${path}.url: must be text`);
  else if (!file) {
    const bad = httpsUrlProblem(value.url);
    if (bad) problems.push(`${path}.url: ${bad}`);
  }
  if (value.format === 'mapped-csv' && value.mapping === undefined)
    problems.push(`${path}.mapping: a mapped-csv feed needs a mapping`);
  if (value.mapping !== undefined)
    problems.push(...mappingProblems(value.mapping, `${path}.mapping`));
  if (
    value.refreshHours !== undefined &&
    !(typeof value.refreshHours === 'number' && value.refreshHours >= 1)
  )
    problems.push(`${path}.refreshHours: must be a number of hours, at least 1`);
  if (value.upstream !== undefined) problems.push(`${path}.upstream: only registry feeds have one`);
  return problems;
}

/** A new feed id from its label: `user-<slug>`, unique among `taken`. */
export function userFeedId(label: string, taken: Iterable<string>): string {
  const slug =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'flux';
  const used = new Set(taken);
  let id = `user-${slug}`;
  for (let n = 2; used.has(id); n++) id = `user-${slug}-${n}`;
  return id;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function userFeedsExportText(feeds: ExportedUserFeed[], now: Date): string {
  const doc: UserFeedsExport = {
    kind: EXPORT_KIND,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    feeds,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * Reads an export file back. Every problem is listed (path and reason); nothing is returned
 * unless the whole file is valid. Ids of registry feeds cannot be taken.
 */
export function parseUserFeedsExport(
  text: string,
  registryIds: Iterable<string>,
): { feeds: ExportedUserFeed[] } | { errors: string[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      errors: [`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`],
    };
  }
  if (!isObject(doc) || doc.kind !== EXPORT_KIND)
    return { errors: [`the file is not a Ségur Pulse feed export (no "kind": "${EXPORT_KIND}")`] };
  if (doc.version !== EXPORT_VERSION)
    return {
      errors: [`version ${String(doc.version)} is not supported (expected ${EXPORT_VERSION})`],
    };
  if (!Array.isArray(doc.feeds)) return { errors: ['"feeds" must be an array'] };
  const reserved = new Set(registryIds);
  const seen = new Set<string>();
  const errors: string[] = [];
  doc.feeds.forEach((feed: unknown, i) => {
    const path = `feeds[${i}]`;
    if (!isObject(feed)) {
      errors.push(`${path}: must be an object`);
      return;
    }
    const file = feed.file;
    if (file !== undefined) {
      if (
        !isObject(file) ||
        typeof file.name !== 'string' ||
        typeof file.importedAt !== 'string' ||
        typeof file.base64 !== 'string'
      ) {
        errors.push(`${path}.file: must be {"name", "importedAt", "base64"}`);
      } else {
        try {
          base64ToBytes(file.base64);
        } catch {
          errors.push(`${path}.file.base64: is not base64`);
        }
      }
    }
    if (typeof feed.addedAt !== 'string') errors.push(`${path}.addedAt: must be a date`);
    errors.push(...configProblems(feed.config, `${path}.config`, file !== undefined));
    const id = isObject(feed.config) ? feed.config.id : undefined;
    if (typeof id === 'string') {
      if (reserved.has(id)) errors.push(`${path}.config.id: "${id}" is a feed of the app`);
      if (seen.has(id)) errors.push(`${path}.config.id: "${id}" appears twice`);
      seen.add(id);
    }
  });
  if (errors.length) return { errors };
  return { feeds: doc.feeds as ExportedUserFeed[] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
