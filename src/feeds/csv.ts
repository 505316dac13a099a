import Papa from 'papaparse';
import { feedIssue } from './issueText';
import { FeedError, type FeedIssue } from './types';

/** A table read from a file: its header and its data rows, each with its line in the file. */
export interface CsvTable {
  header: string[];
  /**
   * Data rows; `line` is the 1-based line of the file the row starts on (the header's is 1
   * when it is the first line; a quoted cell spanning lines counts each of them). Workbooks:
   * the sheet's row number; JSON: the record number.
   */
  rows: { line: number; cells: string[] }[];
  /** The delimiter; '' for JSON and workbooks. */
  delimiter: string;
  /** The header's line (1 unless blank lines or title rows come first); none for JSON. */
  headerLine?: number;
}

const DELIMITERS = [';', ',', '\t'];

/**
 * Text read before the delimiter and the line breaks are guessed: papaparse guesses line breaks
 * on the first megabyte, so a big file is guessed as if it were read whole.
 */
const GUESS_CHARS = 1 << 20;

/** What reading a table in pieces gives besides its rows (handed to `onRow` one by one). */
export interface CsvStreamed {
  header: string[];
  delimiter: string;
  headerLine: number;
  /** Data rows (blank lines are not rows). */
  rowCount: number;
}

export interface CsvStreamHandlers {
  /** The first piece of text (a megabyte, or all of a smaller file), before anything is parsed. */
  onStart?: (text: string) => void;
  /** The header, once read; a table without rows yet. */
  onHeader?: (table: CsvTable) => void;
  /** Each data row, in order, with the file line it starts on. */
  onRow: (line: number, cells: string[]) => void;
  /** Text gathered before guessing (tests cut small texts into pieces with a smaller one). */
  guessChars?: number;
}

/**
 * Parses delimited text with papaparse, guessing the delimiter among `;` `,` and tab.
 * Rows whose field count differs from the header's are errors (a truncated file ends this way).
 * Each row carries the file line it starts on.
 */
export function parseCsv(text: string, feed: string): CsvTable {
  const rows: { line: number; cells: string[] }[] = [];
  const read = readCsvChunks([text], feed, { onRow: (line, cells) => rows.push({ line, cells }) });
  return { header: read.header, rows, delimiter: read.delimiter, headerLine: read.headerLine };
}

/**
 * parseCsv over text given in pieces (decodeInChunks): rows go to `onRow` as they are parsed, so
 * that a million rows never exist at once. A piece may end anywhere, inside a quoted cell too.
 * Throws FeedError with every problem of the file's structure once it is all read.
 */
export function readCsvChunks(
  chunks: Iterable<string>,
  feed: string,
  handlers: CsvStreamHandlers,
): CsvStreamed {
  let header: string[] | undefined;
  let headerLine = 1;
  let delimiter = ',';
  let parser: Papa.Parser | undefined;
  let mark = '\n';
  // The start of a row cut by the end of a piece, parsed again with the next piece.
  let partial = '';
  let line = 1;
  let rowCount = 0;
  const parseIssues: FeedIssue[] = [];
  const countIssues: FeedIssue[] = [];
  // A short row is a truncated file when it is the last: known only at the next row.
  let short: { line: number; count: number } | undefined;
  let expected = 0;

  const records = (data: string[][], quoted: boolean) => {
    const lines = new Uint32Array(data.length);
    for (let i = 0; i < data.length; i++) {
      const cells = data[i]!;
      lines[i] = line;
      line += 1;
      // A quoted cell keeps its line breaks as written: each counts as a line of the file.
      if (quoted)
        for (const cell of cells)
          for (let at = cell.indexOf(mark); at !== -1; at = cell.indexOf(mark, at + 1)) line += 1;
      if (isBlank(cells)) continue;
      if (!header) {
        header = cells.map((h) => h.trim());
        headerLine = lines[i]!;
        expected = header.length;
        handlers.onHeader?.({ header, rows: [], delimiter, headerLine });
        continue;
      }
      rowCount += 1;
      if (short) {
        countIssues.push(fieldCountIssue(feed, 'row.fieldCount', short, expected));
        short = undefined;
      }
      if (cells.length !== expected) {
        if (cells.length < expected) short = { line: lines[i]!, count: cells.length };
        else
          countIssues.push(
            fieldCountIssue(
              feed,
              'row.fieldCount',
              { line: lines[i]!, count: cells.length },
              expected,
            ),
          );
        continue;
      }
      // Once the file's structure is wrong its rows are not read: only those problems are told.
      if (parseIssues.length === 0 && countIssues.length === 0 && !short)
        handlers.onRow(lines[i]!, cells);
    }
    return lines;
  };

  for (const [piece, last] of pieces(chunks, handlers.guessChars ?? GUESS_CHARS)) {
    let text = partial + piece;
    if (!parser) {
      text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      handlers.onStart?.(text);
      // Guess the delimiter on a sample, then parse keeping blank lines so lines can be counted.
      const guess = Papa.parse<string[]>(text, {
        delimitersToGuess: DELIMITERS,
        skipEmptyLines: 'greedy',
        preview: 50,
      });
      delimiter = guess.meta.delimiter;
      mark = guess.meta.linebreak === '\r' ? '\r' : '\n';
      parser = new Papa.Parser({
        delimiter,
        newline: guess.meta.linebreak as Papa.ParseConfig['newline'],
      });
    }
    const result = parser.parse(text, 0, !last) as Papa.ParseResult<string[]>;
    const quoted = text.includes('"');
    const lines = records(result.data, quoted);
    for (const e of result.errors) {
      // The row cut by the end of the piece is parsed again, whole, with the next piece.
      if (!last && (e.row ?? 0) >= result.data.length) continue;
      const row = lines[e.row ?? 0] ?? line;
      parseIssues.push(
        e.code === 'MissingQuotes'
          ? feedIssue(feed, 'row.unclosedQuote', undefined, { row })
          : feedIssue(feed, 'row.parse', { detail: e.message }, { row }),
      );
    }
    partial = last ? '' : text.slice(result.meta.cursor);
  }
  if (!header) throw new FeedError([feedIssue(feed, 'file.noHeader')]);
  if (short) countIssues.push(fieldCountIssue(feed, 'file.truncated', short, expected));
  const issues = [...parseIssues, ...countIssues];
  if (issues.length) throw new FeedError(issues);
  return { header, delimiter, headerLine, rowCount };
}

function fieldCountIssue(
  feed: string,
  code: 'row.fieldCount' | 'file.truncated',
  row: { line: number; count: number },
  expected: number,
): FeedIssue {
  return feedIssue(feed, code, { count: row.count, expected }, { row: row.line });
}

/**
 * The pieces of text with, for each, whether it is the last; the first gathers `guessChars` (or
 * everything) so that guesses see as much as they would of the whole text.
 */
function* pieces(chunks: Iterable<string>, guessChars: number): Generator<[string, boolean]> {
  const it = chunks[Symbol.iterator]();
  let current = '';
  let next = it.next();
  while (!next.done && current.length < guessChars) {
    current += next.value;
    next = it.next();
  }
  while (!next.done) {
    const following = next.value;
    next = it.next();
    if (current) yield [current, false];
    current = following;
  }
  yield [current, true];
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}
