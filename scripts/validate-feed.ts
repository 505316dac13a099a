/**
 * Validates a feed file or URL with the browser's own code (src/feeds: fetch, decode, parse,
 * mapping, validation: the Feeds page's readFeed) and prints the report.
 *
 *   npm run validate-feed -- <file or URL> [options]
 *
 * --guess             read the file with the guessed mapping (as the Feeds page pre-fills it),
 *                     and print that mapping
 * --config <export>   read it as a feed of a configuration exported from the Feeds page (the
 *                     `segur-pulse-user-feeds` JSON file); --feed <id> picks one of several. An
 *                     imported file kept in the export is validated when no file is given.
 * --feed <id>         with --config: that feed of the export; otherwise that registry feed's
 *                     format and mapping (data/feeds.json), its upstream's for its upstream URL
 * --format <f>        tidy-csv (default; spreadsheet for a workbook), mapped-csv, json-array,
 *                     datagouv-tabular (no mapping: tidy keys)
 * --sheet <name>      a workbook's sheet (default: the first visible one with data)
 * --header-row <n>    a workbook's header row, 1-based (default: detected below title rows)
 * --source <label>    the feed's source (for --guess: the file's name when not given)
 * --source-url <url>  the feed's source address (https)
 * --lang fr|en        language of the report (French by default, like the app)
 * --json              print the report as JSON: valid, observations (how many would be stored),
 *                     rowsRead, rowsSkipped, skipped (by reason, column and value), indicators,
 *                     issues (each with its text in --lang), warnings, mapping (--guess)…
 * --registry <file>   another registry (tests)
 *
 * Exit 0 valid, 1 invalid (or unreachable), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fetchFeedBytes } from '../src/feeds/fetch';
import { guessMapping, missingFields, type MappingGuess } from '../src/feeds/guessMapping';
import { readFeed, type IngestResult } from '../src/feeds/ingest';
import { describeIssue, issueSentence, skippedLines } from '../src/feeds/issueText';
import { readPreview } from '../src/feeds/preview';
import { isSpreadsheet } from '../src/feeds/spreadsheet';
import {
  FEED_FORMATS,
  FeedError,
  type ColumnMapping,
  type FeedConfig,
  type FeedFormat,
  type FeedIssue,
} from '../src/feeds/types';
import { base64ToBytes, httpsUrlProblem, parseUserFeedsExport } from '../src/feeds/userFeedConfig';
import { formatNumber, type Lang } from '../src/lib/format';
import { indicatorById } from '../src/model/indicators';
import { consoleIO, type ScriptIO } from './refresh-data';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE =
  'usage: npm run validate-feed -- <file or URL> [--guess | --config <export.json> [--feed <id>] | ' +
  `--feed <id> | --format <${FEED_FORMATS.join('|')}>] [--sheet <name>] [--header-row <n>] ` +
  '[--source <label>] [--source-url <https URL>] [--lang fr|en] [--json]';

interface Args {
  input?: string;
  feedId?: string;
  format?: FeedFormat;
  json: boolean;
  registry: string;
  guess: boolean;
  config?: string;
  sheet?: string;
  headerRow?: number;
  source?: string;
  sourceUrl?: string;
  lang: Lang;
}

const VALUE_OPTIONS = [
  '--feed',
  '--format',
  '--registry',
  '--config',
  '--sheet',
  '--header-row',
  '--source',
  '--source-url',
  '--lang',
];

function parseArgs(argv: string[]): Args | string {
  const args: Args = {
    json: false,
    guess: false,
    registry: resolve(ROOT, 'data/feeds.json'),
    lang: 'fr',
  };
  let format: string | undefined;
  let headerRow: string | undefined;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.includes(a)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
      i++;
      if (a === '--feed') args.feedId = value;
      else if (a === '--format') format = value;
      else if (a === '--registry') args.registry = resolve(value);
      else if (a === '--config') args.config = resolve(value);
      else if (a === '--sheet') args.sheet = value;
      else if (a === '--header-row') headerRow = value;
      else if (a === '--source') args.source = value;
      else if (a === '--source-url') args.sourceUrl = value;
      else lang = value;
    } else if (a === '--json') args.json = true;
    else if (a === '--guess') args.guess = true;
    else if (a.startsWith('--')) return `unknown option "${a}"`;
    else if (args.input === undefined) args.input = a;
    else return `one file or URL at a time (got "${args.input}" and "${a}")`;
  }
  if (!args.input && !args.config) return 'a file or URL to validate is required';
  if (format !== undefined && !FEED_FORMATS.includes(format as FeedFormat))
    return `--format must be one of ${FEED_FORMATS.join(', ')}`;
  args.format = format as FeedFormat | undefined;
  if (args.guess && args.config) return '--guess and --config cannot be used together';
  if (args.format && (args.feedId || args.config || args.guess))
    return '--format cannot be used with --feed, --config or --guess';
  if (args.guess && args.feedId) return '--guess and --feed cannot be used together';
  if (headerRow !== undefined) {
    if (!/^[1-9]\d*$/.test(headerRow)) return '--header-row must be a row number (1, 2, …)';
    args.headerRow = Number(headerRow);
  }
  if (lang !== undefined && lang !== 'fr' && lang !== 'en') return '--lang must be fr or en';
  args.lang = (lang as Lang | undefined) ?? 'fr';
  if (args.sourceUrl) {
    const bad = httpsUrlProblem(args.sourceUrl);
    if (bad) return `--source-url: ${bad}`;
  }
  return args;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const nameOf = (input: string) =>
  basename(isUrl(input) ? new URL(input).pathname : input) || 'feed';

/** The feed the file is read as, and the bytes of an imported file an export keeps. */
type Chosen = { feed: FeedConfig; embedded?: { name: string; bytes: Uint8Array } };

function registryFeed(args: Args): Chosen | string {
  let feeds: FeedConfig[];
  try {
    feeds = (JSON.parse(readFileSync(args.registry, 'utf8')) as { feeds: FeedConfig[] }).feeds;
  } catch (e) {
    return `cannot read the registry ${args.registry}: ${e instanceof Error ? e.message : e}`;
  }
  const feed = feeds.find((f) => f.id === args.feedId);
  if (!feed)
    return `no feed "${args.feedId}" in ${args.registry} (${feeds.map((f) => f.id).join(', ')})`;
  if (feed.upstream && args.input === feed.upstream.url) {
    return { feed: { ...feed, format: feed.upstream.format, mapping: feed.upstream.mapping } };
  }
  return { feed };
}

/** A feed of a configuration exported from the Feeds page. */
function exportedFeed(args: Args): Chosen | string {
  let text: string;
  try {
    text = readFileSync(args.config!, 'utf8');
  } catch (e) {
    return `cannot read ${args.config}: ${e instanceof Error ? e.message : e}`;
  }
  let registryIds: string[] = [];
  try {
    registryIds = (
      JSON.parse(readFileSync(args.registry, 'utf8')) as { feeds: FeedConfig[] }
    ).feeds.map((f) => f.id);
  } catch {
    // Without the registry, ids are not checked against it.
  }
  const parsed = parseUserFeedsExport(text, registryIds);
  if ('errors' in parsed) return `${args.config}:\n  ${parsed.errors.join('\n  ')}`;
  const ids = parsed.feeds.map((f) => f.config.id);
  const chosen = args.feedId
    ? parsed.feeds.find((f) => f.config.id === args.feedId)
    : parsed.feeds.length === 1
      ? parsed.feeds[0]
      : undefined;
  if (!chosen) {
    return args.feedId
      ? `no feed "${args.feedId}" in ${args.config} (${ids.join(', ')})`
      : `${args.config} holds ${ids.length} feeds: choose one with --feed (${ids.join(', ')})`;
  }
  const embedded = chosen.file
    ? { name: chosen.file.name, bytes: base64ToBytes(chosen.file.base64) }
    : undefined;
  return { feed: chosen.config, embedded };
}

export async function validateFeed(
  argv: string[],
  io: ScriptIO = consoleIO,
  options: { fetchImpl?: typeof fetch; today?: Date } = {},
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(`${args}\n${USAGE}`);
    return 2;
  }
  const chosen: Chosen | string | undefined = args.config
    ? exportedFeed(args)
    : args.feedId
      ? registryFeed(args)
      : undefined;
  if (typeof chosen === 'string') {
    io.err(chosen);
    return 2;
  }
  const input = args.input ?? chosen?.embedded?.name;
  if (!input) {
    io.err(`${args.config}: the feed keeps no file; give the file to validate\n${USAGE}`);
    return 2;
  }
  const name = nameOf(input);
  let feed: FeedConfig = chosen?.feed ?? {
    id: name,
    label: { fr: name, en: name },
    format: args.format ?? 'tidy-csv',
    url: input,
  };
  let result: IngestResult | undefined;
  let issues: FeedIssue[] = [];
  let guess: MappingGuess | undefined;
  try {
    let bytes: Uint8Array;
    if (!args.input && chosen?.embedded) bytes = chosen.embedded.bytes;
    else if (isUrl(input)) {
      const fetched = await fetchFeedBytes(input, feed.id, { fetchImpl: options.fetchImpl });
      if (fetched.status !== 'ok') throw new Error('unexpected "not modified" answer');
      bytes = fetched.bytes;
    } else {
      try {
        bytes = new Uint8Array(readFileSync(input));
      } catch (e) {
        io.err(`cannot read ${input}: ${e instanceof Error ? e.message : e}`);
        return 2;
      }
    }
    if (!chosen && !args.format && isSpreadsheet(bytes, name)) feed.format = 'spreadsheet';
    if (args.sheet) feed = { ...feed, sheet: args.sheet };
    if (args.headerRow) feed = { ...feed, headerRow: args.headerRow };
    if (args.guess) {
      const preview = await readPreview(bytes, name, {
        sheet: args.sheet,
        headerRow: args.headerRow,
        tabular: /^https:\/\/tabular-api\.data\.gouv\.fr\//.test(input),
      });
      feed = { ...feed, format: preview.format };
      if (preview.sheet) feed.sheet = preview.sheet;
      if (preview.headerRow) feed.headerRow = preview.headerRow;
      if (!preview.tidy) {
        guess = guessMapping(preview.header, preview.rows);
        feed.mapping = guess.mapping as ColumnMapping;
        const { sourceUrl, sourceLabel } = guess.mapping;
        // No source column: the file's name stands for its source (say so with --source).
        if (!sourceUrl && !sourceLabel) feed.source = { label: name };
      }
    }
    if (args.source !== undefined || args.sourceUrl !== undefined) {
      feed = {
        ...feed,
        source: {
          label: args.source ?? feed.source?.label ?? name,
          ...(args.sourceUrl ? { url: args.sourceUrl } : {}),
        },
      };
    }
    result = await readFeed(feed, bytes, { today: options.today });
  } catch (e) {
    issues =
      e instanceof FeedError
        ? e.issues
        : [{ feed: feed.id, reason: e instanceof Error ? e.message : String(e) }];
  }

  const lang = args.lang;
  if (args.json) {
    const withText = (list: FeedIssue[]) =>
      list.map((i) => ({ ...i, text: describeIssue(i, lang) }));
    const guessed = guess
      ? { mapping: guess.mapping, guessedFromContent: guess.fromContent, source: feed.source }
      : {};
    io.out(
      JSON.stringify(
        result
          ? {
              valid: true,
              format: feed.format,
              ...guessed,
              ...result.report,
              observations: result.report.rows,
              warnings: withText(result.report.warnings),
              issues: [],
            }
          : {
              valid: false,
              feed: feed.id,
              format: feed.format,
              ...guessed,
              observations: 0,
              skipped: [],
              indicators: [],
              issues: withText(issues),
            },
        null,
        2,
      ),
    );
    return result ? 0 : 1;
  }

  const t = TEXT[lang];
  if (guess) printGuess(io, guess, feed, lang);
  if (!result) {
    io.out(t.invalid(input, feed, issues.length));
    for (const issue of issues) io.out(`  ${issueSentence(issue, lang)}`);
    return 1;
  }
  const { observations, report } = result;
  // The first and last periods by a scan: sorting a million of them took seconds.
  let first = observations[0]!.period;
  let last = first;
  const places = new Set<string>();
  for (const o of observations) {
    if (o.period < first) first = o.period;
    if (o.period > last) last = o.period;
    places.add(o.geo);
  }
  const n = (x: number) => formatNumber(x, lang);
  io.out(t.valid(input, feed));
  io.out(`  ${t.rows(n(report.rowsRead), n(report.rowsSkipped))}`);
  for (const line of skippedLines(report.skipped, lang)) io.out(`    ${line}`);
  io.out(`  ${t.counts(n(report.rows), report.indicators.length, places.size)}`);
  io.out(`  ${t.periods(first, last)}`);
  io.out(`  ${t.indicators(report.indicators.join(', '))}`);
  if (report.dates) {
    const examples = report.dates.examples.map((e) => `${e.raw} → ${e.period}`).join(', ');
    // The order matters only for dd/mm/yyyy dates.
    const order = report.dates.forms.includes('numeric-date') ? report.dates.order : undefined;
    io.out(`  ${t.dates(report.dates.column, order, report.dates.ambiguous, examples)}`);
  }
  if (report.sheet) io.out(`  ${t.sheet(report.sheet, report.headerRow ?? 1)}`);
  else
    io.out(
      `  ${t.encoding(report.encoding)}` +
        (report.delimiter ? t.delimiter(JSON.stringify(report.delimiter)) : ''),
    );
  if (report.warnings.length) {
    io.out(`  ${t.warnings(report.warnings.length)}`);
    for (const w of report.warnings) io.out(`    ${issueSentence(w, lang, { feed: false })}`);
  }
  return 0;
}

function printGuess(io: ScriptIO, guess: MappingGuess, feed: FeedConfig, lang: Lang): void {
  const t = TEXT[lang];
  const m = guess.mapping;
  io.out(t.guessTitle);
  for (const v of m.values ?? []) {
    // The id is what a feed's configuration names; the label, what the dashboard shows.
    const label = indicatorById.get(v.indicator)?.label[lang];
    io.out(`  ${t.valueColumn(v.column, label ? `${v.indicator} (${label})` : v.indicator)}`);
  }
  for (const [field, src] of Object.entries(m)) {
    if (field === 'values' || !src || Array.isArray(src)) continue;
    const s = src as { column?: string; value?: string; kind?: string; order?: string };
    const how = s.column !== undefined ? t.quoted(s.column) : `= ${s.value}`;
    const extra = [s.kind, s.order].filter(Boolean).join(', ');
    const content = guess.fromContent.includes(field as never) ? ` ${t.fromContent}` : '';
    io.out(`  ${field} ← ${how}${extra ? ` (${extra})` : ''}${content}`);
  }
  if (feed.source) io.out(`  ${t.source(feed.source.label)}`);
  const missing = missingFields(m);
  if (missing.length) io.out(`  ${t.missing(missing.join(', '))}`);
}

const TEXT = {
  fr: {
    valid: (input: string, feed: FeedConfig) =>
      `${input} : valide (format ${feed.format}, flux « ${feed.id} »)`,
    invalid: (input: string, feed: FeedConfig, count: number) =>
      `${input} : NON VALIDE (format ${feed.format}, flux « ${feed.id} »), ${count} problème(s) :`,
    rows: (read: string, skipped: string) => `${read} lignes lues, ${skipped} ignorées`,
    counts: (rows: string, indicators: number, places: number) =>
      `${rows} chiffres, ${indicators} indicateur(s), ${places} territoire(s)`,
    periods: (from: string, to: string) => `périodes de ${from} à ${to}`,
    indicators: (list: string) => `indicateurs : ${list}`,
    dates: (column: string, order: string | undefined, ambiguous: boolean, examples: string) =>
      `dates de « ${column} »` +
      (order ? ` lues ${order === 'mdy' ? 'mois d’abord' : 'jour d’abord'}` : '') +
      `${ambiguous ? ' (le fichier ne permet pas de trancher : lecture française)' : ''} : ${examples}`,
    sheet: (sheet: string, row: number) => `feuille « ${sheet} », en-tête ligne ${row}`,
    encoding: (e: string) => `encodage ${e}`,
    delimiter: (d: string) => `, séparateur ${d}`,
    warnings: (n: number) => `${n} remarque(s) :`,
    guessTitle: 'Correspondance devinée :',
    valueColumn: (column: string, indicator: string) => `« ${column} » → ${indicator}`,
    quoted: (s: string) => `« ${s} »`,
    fromContent: '(d’après le contenu)',
    source: (label: string) => `source : ${label}`,
    missing: (fields: string) => `à compléter : ${fields}`,
  },
  en: {
    valid: (input: string, feed: FeedConfig) =>
      `${input}: valid as ${feed.format} (feed "${feed.id}")`,
    invalid: (input: string, feed: FeedConfig, count: number) =>
      `${input}: INVALID as ${feed.format} (feed "${feed.id}"), ${count} problem(s):`,
    rows: (read: string, skipped: string) => `${read} rows read, ${skipped} skipped`,
    counts: (rows: string, indicators: number, places: number) =>
      `${rows} observations, ${indicators} indicator(s), ${places} place(s)`,
    periods: (from: string, to: string) => `periods ${from} to ${to}`,
    indicators: (list: string) => `indicators: ${list}`,
    dates: (column: string, order: string | undefined, ambiguous: boolean, examples: string) =>
      `dates of "${column}"` +
      (order ? ` read ${order === 'mdy' ? 'month first' : 'day first'}` : '') +
      `${ambiguous ? ' (the file cannot tell: read the French way)' : ''}: ${examples}`,
    sheet: (sheet: string, row: number) => `sheet "${sheet}", header on row ${row}`,
    encoding: (e: string) => `encoding ${e}`,
    delimiter: (d: string) => `, delimiter ${d}`,
    warnings: (n: number) => `${n} warning(s):`,
    guessTitle: 'Guessed mapping:',
    valueColumn: (column: string, indicator: string) => `"${column}" → ${indicator}`,
    quoted: (s: string) => `"${s}"`,
    fromContent: '(from the content)',
    source: (label: string) => `source: ${label}`,
    missing: (fields: string) => `still to map: ${fields}`,
  },
} as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await validateFeed(process.argv.slice(2));
}
