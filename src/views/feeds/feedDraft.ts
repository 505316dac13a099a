/**
 * A feed being added on the Feeds page: its bytes read for a preview, the mapping form's
 * choices, and the FeedConfig they make. Pure: the page validates with the app's parseFeed.
 */
import Papa from 'papaparse';
import { decodeBytes, sniffNonCsv } from '../../feeds/decode';
import {
  guessMapping,
  isTidyHeader,
  type MappingField,
  MAPPING_FIELDS,
} from '../../feeds/guessMapping';
import { feedIssue } from '../../feeds/issueText';
import { parseJsonArray } from '../../feeds/json';
import {
  FeedError,
  type ColumnMapping,
  type FeedConfig,
  type FeedFormat,
  type FieldSource,
} from '../../feeds/types';

export const PREVIEW_ROWS = 5;
const SAMPLE_ROWS = 200;

export interface FeedDraft {
  /** File name, or the address's last path segment. */
  name: string;
  /** The https address, for a feed added by URL. */
  url?: string;
  bytes: Uint8Array;
  format: FeedFormat;
  header: string[];
  /** Up to SAMPLE_ROWS rows as text, for the preview and the guesses. */
  rows: string[][];
  /** The header is already the tidy format: no mapping. */
  tidy: boolean;
  /** HTTP validators of the answer read (URL feeds), kept for later conditional refreshes. */
  validators?: { etag?: string; lastModified?: string };
}

/** One field of the mapping form. */
export interface FieldChoice {
  mode: 'none' | 'column' | 'value';
  column: string;
  prefix: string;
  value: string;
}

export type MappingChoices = Record<MappingField, FieldChoice>;

const isTabularUrl = (url?: string) =>
  !!url && /^https:\/\/tabular-api\.data\.gouv\.fr\//.test(url);

/** Reads bytes far enough to preview and map them; a file that is plainly not a table throws. */
export function readDraft(bytes: Uint8Array, name: string, url?: string): FeedDraft {
  const { text } = decodeBytes(bytes, name);
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) {
    const items = parseJsonArray(text, name);
    const header: string[] = [];
    const rows: string[][] = [];
    const sample = items.slice(0, SAMPLE_ROWS);
    for (const item of sample) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
      for (const key of Object.keys(item))
        if (key !== '__id' && !header.includes(key)) header.push(key);
    }
    for (const item of sample) {
      const rec = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      rows.push(header.map((k) => cellText(rec[k])));
    }
    if (!header.length)
      throw new FeedError([{ feed: name, reason: 'the JSON records have no keys' }]);
    return {
      name,
      url,
      bytes,
      format: isTabularUrl(url) ? 'datagouv-tabular' : 'json-array',
      header,
      rows,
      tidy: isTidyHeader(header),
    };
  }
  const notCsv = sniffNonCsv(text);
  if (notCsv) throw new FeedError([feedIssue(name, notCsv)]);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
    preview: SAMPLE_ROWS + 1,
  });
  const [first, ...rows] = parsed.data;
  if (!first) throw new FeedError([{ feed: name, reason: 'the file has no header row' }]);
  const header = first.map((h) => h.trim());
  const tidy = isTidyHeader(header);
  return { name, url, bytes, format: tidy ? 'tidy-csv' : 'mapped-csv', header, rows, tidy };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const NONE: FieldChoice = { mode: 'none', column: '', prefix: '', value: '' };

/** The form's starting choices: the guesses. */
export function initialChoices(draft: FeedDraft): {
  choices: MappingChoices;
  guessed: MappingField[];
} {
  const { mapping, fromContent } = guessMapping(draft.header, draft.rows);
  const choices = Object.fromEntries(
    MAPPING_FIELDS.map((f) => {
      const src = mapping[f];
      const choice: FieldChoice = !src
        ? { ...NONE }
        : 'column' in src
          ? {
              ...NONE,
              mode: 'column',
              column: src.column,
              // This form still offers a prefix for places: the guessed kind stands for one.
              prefix:
                'kind' in src && src.kind === 'region'
                  ? 'REG-'
                  : 'kind' in src && src.kind === 'departement'
                    ? 'DEP-'
                    : 'prefix' in src
                      ? (src.prefix ?? '')
                      : '',
            }
          : { ...NONE, mode: 'value', value: src.value };
      return [f, choice];
    }),
  ) as MappingChoices;
  return { choices, guessed: fromContent.filter((f): f is MappingField => f !== 'values') };
}

/** The mapping the choices describe; fields set to none, or left blank, are left out. */
export function mappingFromChoices(choices: MappingChoices): Partial<ColumnMapping> {
  const mapping: Partial<Record<MappingField, FieldSource>> = {};
  for (const f of MAPPING_FIELDS) {
    const c = choices[f];
    if (c.mode === 'column' && c.column) {
      mapping[f] = c.prefix ? { column: c.column, prefix: c.prefix } : { column: c.column };
    } else if (c.mode === 'value' && c.value.trim()) {
      mapping[f] = { value: c.value.trim() };
    }
  }
  return mapping as Partial<ColumnMapping>;
}

/** The feed configuration to validate and save. */
export function draftConfig(
  draft: FeedDraft,
  id: string,
  label: string,
  choices: MappingChoices,
): FeedConfig {
  const name = label.trim() || draft.name;
  const config: FeedConfig = {
    id,
    label: { fr: name, en: name },
    format: draft.format,
    url: draft.url ?? draft.name,
  };
  if (!draft.tidy) config.mapping = mappingFromChoices(choices) as ColumnMapping;
  return config;
}
