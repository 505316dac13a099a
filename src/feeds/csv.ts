import Papa from 'papaparse';
import { FeedError, type FeedIssue } from './types';

export interface CsvTable {
  header: string[];
  /** Data rows; `line` is the row number counting the header as row 1. */
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

const DELIMITERS = [';', ',', '\t'];

/**
 * Parses delimited text with papaparse, guessing the delimiter among `;` `,` and tab.
 * Rows whose field count differs from the header's are errors (a truncated file ends this way).
 */
export function parseCsv(text: string, feed: string): CsvTable {
  // Guess the delimiter on a sample, then parse keeping blank lines so row numbers match the file.
  const guess = Papa.parse<string[]>(text, {
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: 'greedy',
    preview: 50,
  });
  const result = Papa.parse<string[]>(text, {
    delimiter: guess.meta.delimiter,
    skipEmptyLines: false,
  });
  const numbered = result.data
    .map((cells, i) => ({ line: i + 1, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  const [first, ...body] = numbered;
  const header = first?.cells;
  if (!header) throw new FeedError([{ feed, reason: 'the file has no header row' }]);
  const names = header.map((h) => h.trim());
  const issues: FeedIssue[] = [];
  for (const e of result.errors) {
    // Papaparse reports the delimiter it fell back to; a one-column file is handled below.
    if (e.code === 'UndetectableDelimiter') continue;
    if (e.code === 'TooFewFields' || e.code === 'TooManyFields') continue; // counted per row below
    issues.push({ feed, row: (e.row ?? 0) + 1, reason: e.message });
  }
  const rows = body;
  rows.forEach(({ line, cells }, i) => {
    if (cells.length === names.length) return;
    const last = i === rows.length - 1;
    issues.push({
      feed,
      row: line,
      reason:
        `has ${cells.length} fields, expected ${names.length}` +
        (last && cells.length < names.length ? ' (the file looks truncated)' : ''),
    });
  });
  if (issues.length) throw new FeedError(issues);
  return { header: names, rows, delimiter: result.meta.delimiter };
}
