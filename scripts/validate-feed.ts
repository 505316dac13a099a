/**
 * Validates a feed file or URL with the browser's own code (src/feeds: fetch, decode, parse,
 * adapter, validation) and prints the report.
 *
 *   npm run validate-feed -- <file or URL> [--feed <id>] [--format <format>] [--json]
 *
 * --feed <id>   validate against that registry feed's format and mapping (data/feeds.json); for a
 *               feed with an upstream, the upstream's when the input is its upstream URL
 * --format <f>  tidy-csv (default), mapped-csv, json-array or datagouv-tabular (no mapping: tidy keys)
 * --json        print the report as JSON
 * --registry <feeds.json>  another registry (tests)
 *
 * Exit 0 valid, 1 invalid (or unreachable), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fetchFeedBytes } from '../src/feeds/fetch';
import { parseFeed, type IngestResult } from '../src/feeds/ingest';
import {
  FEED_FORMATS,
  FeedError,
  formatIssue,
  type FeedConfig,
  type FeedFormat,
  type FeedIssue,
} from '../src/feeds/types';
import { consoleIO, type ScriptIO } from './refresh-data';

const ROOT = resolve(import.meta.dirname, '..');

const USAGE =
  'usage: npm run validate-feed -- <file or URL> [--feed <id>] [--format <' +
  FEED_FORMATS.join('|') +
  '>] [--json]';

interface Args {
  input: string;
  feedId?: string;
  format?: FeedFormat;
  json: boolean;
  registry: string;
}

function parseArgs(argv: string[]): Args | string {
  let input: string | undefined;
  let feedId: string | undefined;
  let format: string | undefined;
  let json = false;
  let registry = resolve(ROOT, 'data/feeds.json');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const takesValue = ['--feed', '--format', '--registry'].includes(a);
    if (takesValue) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
      i++;
      if (a === '--feed') feedId = value;
      else if (a === '--format') format = value;
      else registry = resolve(value);
    } else if (a === '--json') json = true;
    else if (a.startsWith('--')) return `unknown option "${a}"`;
    else if (input === undefined) input = a;
    else return `one file or URL at a time (got "${input}" and "${a}")`;
  }
  if (!input) return 'a file or URL to validate is required';
  if (format !== undefined && !FEED_FORMATS.includes(format as FeedFormat))
    return `--format must be one of ${FEED_FORMATS.join(', ')}`;
  if (format && feedId) return '--feed and --format cannot be used together';
  return { input, feedId, format: format as FeedFormat | undefined, json, registry };
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function feedConfigFor(args: Args): FeedConfig | string {
  if (args.feedId) {
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
      return { ...feed, format: feed.upstream.format, mapping: feed.upstream.mapping };
    }
    return feed;
  }
  const name = basename(isUrl(args.input) ? new URL(args.input).pathname : args.input) || 'feed';
  return {
    id: name,
    label: { fr: name, en: name },
    format: args.format ?? 'tidy-csv',
    url: args.input,
  };
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
  const feed = feedConfigFor(args);
  if (typeof feed === 'string') {
    io.err(feed);
    return 2;
  }
  let result: IngestResult | undefined;
  let issues: FeedIssue[] = [];
  try {
    let bytes: Uint8Array;
    if (isUrl(args.input)) {
      const fetched = await fetchFeedBytes(args.input, feed.id, { fetchImpl: options.fetchImpl });
      if (fetched.status !== 'ok') throw new Error('unexpected "not modified" answer');
      bytes = fetched.bytes;
    } else {
      try {
        bytes = new Uint8Array(readFileSync(args.input));
      } catch (e) {
        io.err(`cannot read ${args.input}: ${e instanceof Error ? e.message : e}`);
        return 2;
      }
    }
    result = parseFeed(feed, bytes, { today: options.today });
  } catch (e) {
    issues =
      e instanceof FeedError
        ? e.issues
        : [{ feed: feed.id, reason: e instanceof Error ? e.message : String(e) }];
  }

  if (args.json) {
    io.out(
      JSON.stringify(
        result
          ? { valid: true, format: feed.format, ...result.report, issues: [] }
          : { valid: false, feed: feed.id, format: feed.format, issues },
        null,
        2,
      ),
    );
    return result ? 0 : 1;
  }
  if (!result) {
    io.out(
      `${args.input}: INVALID as ${feed.format} (feed "${feed.id}"), ${issues.length} problem(s):`,
    );
    for (const issue of issues) io.out(`  ${formatIssue(issue)}`);
    return 1;
  }
  const { observations, report } = result;
  const periods = observations.map((o) => o.period).sort();
  const indicators = [...new Set(observations.map((o) => o.indicator))].sort();
  const places = new Set(observations.map((o) => o.geo));
  io.out(`${args.input}: valid as ${feed.format} (feed "${feed.id}")`);
  io.out(
    `  ${report.rows} observations, ${indicators.length} indicator(s), ${places.size} place(s)`,
  );
  io.out(`  periods ${periods[0]} to ${periods.at(-1)}`);
  io.out(`  indicators: ${indicators.join(', ')}`);
  io.out(
    `  encoding ${report.encoding}` +
      (report.delimiter ? `, delimiter ${JSON.stringify(report.delimiter)}` : ''),
  );
  if (report.warnings.length) {
    io.out(`  ${report.warnings.length} warning(s):`);
    for (const w of report.warnings) io.out(`    ${formatIssue(w)}`);
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await validateFeed(process.argv.slice(2));
}
