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
 * Parses delimited text with papaparse, guessing the delimiter among `;` `,` and tab.
 * Rows whose field count differs from the header's are errors (a truncated file ends this way).
 * Each row carries the file line it starts on.
 */
export function parseCsv(text: string, feed: string): CsvTable {
  // Guess the delimiter on a sample, then parse keeping blank lines so lines can be counted.
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: 50,
  });
  const result = Papa.parse<string[]>(text, {
    delimiter: guess.meta.delimiter,
    skipEmptyLines: false,
  });
  const lines = recordLines(result.data, text, result.meta.linebreak);
  const rows: { line: number; cells: string[] }[] = [];
  let header: string[] | undefined;
  let headerLine = 1;
  for (let i = 0; i < result.data.length; i++) {
    const cells = result.data[i]!;
    if (isBlank(cells)) continue;
    if (header) rows.push({ line: lines[i]!, cells });
    else {
      header = cells.map((h) => h.trim());
      headerLine = lines[i]!;
    }
  }
  if (!header) throw new FeedError([feedIssue(feed, 'file.noHeader')]);
  const issues: FeedIssue[] = [];
  for (const e of result.errors) {
    // Papaparse reports the delimiter it fell back to; a one-column file is handled below.
    if (e.code === 'UndetectableDelimiter') continue;
    if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue; // counted per row below
    const row = lines[e.row ?? 0] ?? 1;
    issues.push(
      e.code === 'MissingQuotes'
        ? feedIssue(feed, 'row.unclosedQuote', undefined, { row })
        : feedIssue(feed, 'row.parse', { detail: e.message }, { row }),
    );
  }
  const expected = header.length;
  rows.forEach(({ line, cells }, i) => {
    if (cells.length === expected) return;
    const truncated = i === rows.length - 1 && cells.length < expected;
    issues.push(
      feedIssue(
        feed,
        truncated ? 'file.truncated' : 'row.fieldCount',
        { count: cells.length, expected },
        { row: line },
      ),
    );
  });
  if (issues.length) throw new FeedError(issues);
  return { header, rows, delimiter: result.meta.delimiter, headerLine };
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * The file line each record starts on. A record spans one line, plus one for each line break
 * inside its quoted cells; without a quote in the file, record i is line i + 1.
 */
function recordLines(records: string[][], text: string, linebreak: string): Uint32Array {
  const lines = new Uint32Array(records.length);
  const quoted = text.includes('"');
  // A quoted cell keeps its line breaks as written; count the file's own kind (\r\n has one \n).
  const mark = linebreak === '\r' ? '\r' : '\n';
  let line = 1;
  for (let i = 0; i < records.length; i++) {
    lines[i] = line;
    line += 1;
    if (!quoted) continue;
    for (const cell of records[i]!) {
      for (let at = cell.indexOf(mark); at !== -1; at = cell.indexOf(mark, at + 1)) line += 1;
    }
  }
  return lines;
}
