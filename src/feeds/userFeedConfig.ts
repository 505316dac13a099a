/**
 * Feeds a user adds in this browser: checks of their configuration (https only, a complete
 * mapping), and the JSON file that exports and imports them. Pure; storage is src/store/userFeeds.
 */
import { indicatorById, isCatalogueIndicator } from '../model/indicators';
import { MAPPING_FIELDS, REQUIRED_FIELDS } from './guessMapping';
import { normaliseConfig } from './mapping';
import { slugify } from './slug';
import {
  DATE_ORDERS,
  FEED_FORMATS,
  PLACE_KINDS,
  type DateOrder,
  type FeedConfig,
  type FeedFormat,
  type PlaceKind,
} from './types';

export const EXPORT_KIND = 'segur-pulse-user-feeds';
/**
 * 2: mappings v2 (wide `values`, place `kind`, date `order`, optional source columns), the
 * feed's `source`, user-defined `indicators`, workbooks. Version-1 files are still read.
 */
export const EXPORT_VERSION = 2;
const READ_VERSIONS = [1, 2];

/** A user feed as exported: its configuration, and an imported file's bytes in base64. */
export interface ExportedUserFeed {
  config: FeedConfig;
  addedAt: string;
  file?: { name: string; importedAt: string; base64: string };
}

export interface UserFeedsExport {
  kind: typeof EXPORT_KIND;
  version: number;
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

const INDICATOR_ID = /^[a-z0-9_]+$/;
const USER_INDICATOR_ID = /^user_[a-z0-9_]{1,60}$/;

/** Problems of one field's source: a column (with a v1 prefix) or a constant. */
function fieldSourceProblem(
  src: unknown,
  extra: Record<string, (v: unknown) => boolean> = {},
): boolean {
  if (!isObject(src)) return true;
  if ('value' in src) return typeof src.value !== 'string' || Object.keys(src).length !== 1;
  if (typeof src.column !== 'string' || src.column === '') return true;
  return !Object.entries(src).every(([k, v]) => {
    if (k === 'column') return true;
    if (k === 'prefix') return typeof v === 'string';
    return extra[k]?.(v) ?? false;
  });
}

/**
 * Problems of a mapping (version 1 or 2), each prefixed with `path` (e.g.
 * `feeds[0].config.mapping`). `known` says which indicator ids a wide mapping may name.
 */
export function mappingProblems(
  value: unknown,
  path: string,
  known: (id: string) => boolean = (id) => indicatorById.has(id),
): string[] {
  if (!isObject(value)) return [`${path}: must be an object`];
  const problems: string[] = [];
  const allowed = ['values', ...MAPPING_FIELDS];
  for (const [field, src] of Object.entries(value)) {
    if (!allowed.includes(field)) {
      problems.push(`${path}.${field}: unknown field (expected one of ${allowed.join(', ')})`);
      continue;
    }
    if (field === 'values') {
      if (!Array.isArray(src) || src.length === 0) {
        problems.push(`${path}.values: must be a list of {"column", "indicator"}, not empty`);
        continue;
      }
      src.forEach((v: unknown, i) => {
        const ok =
          isObject(v) &&
          typeof v.column === 'string' &&
          v.column !== '' &&
          typeof v.indicator === 'string' &&
          (v.breakdown === undefined || typeof v.breakdown === 'string') &&
          Object.keys(v).every((k) => ['column', 'indicator', 'breakdown'].includes(k));
        if (!ok) {
          problems.push(
            `${path}.values[${i}]: must be {"column": "...", "indicator": "...", "breakdown"?: "..."}`,
          );
        } else if (!INDICATOR_ID.test(v.indicator as string) || !known(v.indicator as string)) {
          problems.push(
            `${path}.values[${i}].indicator: unknown indicator "${String(v.indicator)}"`,
          );
        }
      });
      continue;
    }
    const bad =
      field === 'geo'
        ? fieldSourceProblem(src, { kind: (k) => PLACE_KINDS.includes(k as PlaceKind) })
        : field === 'period'
          ? fieldSourceProblem(src, { order: (o) => DATE_ORDERS.includes(o as DateOrder) })
          : fieldSourceProblem(src);
    if (bad) {
      const shape =
        field === 'geo'
          ? '{"column": "...", "kind"?: "region" | "departement" | "any"}'
          : field === 'period'
            ? '{"column": "...", "order"?: "dmy" | "mdy"}'
            : '{"column": "..."}';
      problems.push(`${path}.${field}: must be ${shape} or {"value": "..."}`);
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (!(field in value)) problems.push(`${path}.${field}: is required`);
  }
  const wide = 'values' in value;
  if (wide && ('value' in value || 'indicator' in value))
    problems.push(`${path}: has both "values" (wide) and "value" or "indicator" (long); keep one`);
  if (!wide) {
    if (!('value' in value)) problems.push(`${path}.value: is required (or "values")`);
    if (!('indicator' in value)) problems.push(`${path}.indicator: is required`);
  }
  return problems;
}

/** Problems of user-defined indicators (ids `user_<slug>`, never a catalogue id, unique). */
export function indicatorProblems(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path}: must be a list`];
  const problems: string[] = [];
  const seen = new Set<string>();
  value.forEach((u: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!isObject(u)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    if (typeof u.id !== 'string' || !USER_INDICATOR_ID.test(u.id))
      problems.push(`${at}.id: must be "user_" followed by lower-case letters, digits or _`);
    else if (isCatalogueIndicator(u.id))
      problems.push(`${at}.id: "${u.id}" is a catalogue indicator`);
    else if (seen.has(u.id)) problems.push(`${at}.id: "${u.id}" appears twice`);
    if (typeof u.id === 'string') seen.add(u.id);
    for (const key of ['label', 'unit'] as const) {
      const t = u[key];
      if (
        !isObject(t) ||
        typeof t.fr !== 'string' ||
        typeof t.en !== 'string' ||
        (key === 'label' && !t.fr.trim())
      )
        problems.push(
          `${at}.${key}: must be {"fr": "...", "en": "..."}${key === 'label' ? ', not empty' : ''}`,
        );
    }
    if (!['stock', 'flow', 'rate'].includes(u.kind as string))
      problems.push(`${at}.kind: must be one of stock, flow, rate`);
    if (!['count', 'percent'].includes(u.valueType as string))
      problems.push(`${at}.valueType: must be one of count, percent`);
  });
  return problems;
}

/** Problems of a feed-level source: a label, and an https address where there is one. */
export function sourceProblems(value: unknown, path: string): string[] {
  if (!isObject(value) || typeof value.label !== 'string' || !value.label.trim())
    return [`${path}: must be {"label": "...", "url"?: "https://..."}, the label not empty`];
  const problems: string[] = [];
  if (value.url !== undefined) {
    if (typeof value.url !== 'string') problems.push(`${path}.url: must be text`);
    else if (value.url !== '') {
      const bad = httpsUrlProblem(value.url);
      if (bad) problems.push(`${path}.url: ${bad}`);
    }
  }
  const extra = Object.keys(value).filter((k) => k !== 'label' && k !== 'url');
  if (extra.length) problems.push(`${path}: unknown field ${extra.join(', ')}`);
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
  const own = Array.isArray(value.indicators)
    ? new Set(value.indicators.map((u: unknown) => (isObject(u) ? u.id : undefined)))
    : new Set();
  if (value.indicators !== undefined)
    problems.push(...indicatorProblems(value.indicators, `${path}.indicators`));
  if (value.mapping !== undefined) {
    problems.push(
      ...mappingProblems(
        value.mapping,
        `${path}.mapping`,
        (id) => indicatorById.has(id) || own.has(id),
      ),
    );
    const m = value.mapping;
    if (isObject(m) && !('sourceUrl' in m) && !('sourceLabel' in m) && value.source === undefined)
      problems.push(`${path}.source: is required when the mapping reads no source column`);
  }
  if (value.source !== undefined) problems.push(...sourceProblems(value.source, `${path}.source`));
  if (value.sheet !== undefined && typeof value.sheet !== 'string')
    problems.push(`${path}.sheet: must be a sheet name`);
  if (
    value.headerRow !== undefined &&
    !(
      typeof value.headerRow === 'number' &&
      Number.isInteger(value.headerRow) &&
      value.headerRow >= 1
    )
  )
    problems.push(`${path}.headerRow: must be a row number, at least 1`);
  if (value.breakdownLabels !== undefined) {
    const b = value.breakdownLabels;
    if (
      !isObject(b) ||
      !Object.entries(b).every(([k, v]) => INDICATOR_ID.test(k) && typeof v === 'string')
    )
      problems.push(`${path}.breakdownLabels: must map breakdown ids (a-z, 0-9, _) to labels`);
  }
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
  const slug = slugify(label, '-') || 'flux';
  const used = new Set(taken);
  let id = `user-${slug}`;
  for (let n = 2; used.has(id); n++) id = `user-${slug}-${n}`;
  return id;
}

/** A new user indicator id from its label: `user_<slug>`, unique among `taken`. */
export function userIndicatorId(label: string, taken: Iterable<string>): string {
  const slug = slugify(label, '_') || 'indicateur';
  const used = new Set(taken);
  let id = `user_${slug}`;
  for (let n = 2; used.has(id) || isCatalogueIndicator(id); n++) id = `user_${slug}_${n}`;
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
  if (!READ_VERSIONS.includes(doc.version as number))
    return {
      errors: [
        `version ${String(doc.version)} is not supported (expected ${READ_VERSIONS.join(' or ')})`,
      ],
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
  const feeds = (doc.feeds as ExportedUserFeed[]).map((f) => ({
    ...f,
    config: normaliseConfig(f.config),
  }));
  return { feeds };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
