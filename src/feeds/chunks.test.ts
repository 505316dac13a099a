/**
 * Feeds read in pieces (decodeInChunks, readCsvChunks, the tidy CSV path of parseFeed): wherever
 * the pieces are cut, the result is the one reading the whole text gives.
 */
import { describe, expect, it } from 'vitest';
import { caughtFeedError } from '../../test/synthetic';
import { syntheticTidyCsv } from '../../scripts/bench/syntheticFeed';
import { parseCsv, readCsvChunks } from './csv';
import { DECODE_CHUNK_BYTES, decodeBytes, decodeInChunks } from './decode';
import { parseFeed, tableResult, textTable } from './ingest';
import { FeedError, type FeedConfig } from './types';

/**
 * `text` in pieces: its first `first` characters (where the delimiter and line breaks are
 * guessed, as a real file's first megabyte), then pieces of `size` characters.
 */
const cut = (text: string, size: number, first = 0) => [
  ...(first ? [text.slice(0, first)] : []),
  ...Array.from({ length: Math.ceil((text.length - first) / size) }, (_, i) =>
    text.slice(first + i * size, first + (i + 1) * size),
  ),
];

/** readCsvChunks over `pieces`, as parseCsv's table; guesses are made on the first piece. */
function chunked(pieces: string[], feed = 'f') {
  const rows: { line: number; cells: string[] }[] = [];
  const read = readCsvChunks(pieces, feed, {
    onRow: (line, cells) => rows.push({ line, cells }),
    guessChars: 1,
  });
  return { header: read.header, rows, delimiter: read.delimiter, headerLine: read.headerLine };
}

describe('readCsvChunks', () => {
  const multiline =
    '\na;b\n1;"deux\nlignes"\n\n3;"x"\n4;"trois\r\nlignes\nici"\n5;y\n6;"a ""b"" c"\n';

  it('gives the rows and file lines of the whole text wherever a quoted cell is cut', () => {
    const whole = parseCsv(multiline, 'f');
    expect(whole.rows.map((r) => r.line)).toEqual([3, 6, 7, 10, 11]);
    const first = multiline.indexOf('\n1;') + 1;
    for (let size = 1; size <= multiline.length; size++)
      expect(chunked(cut(multiline, size, first)), `pieces of ${size}`).toEqual(whole);
  });

  it('gives the same with CRLF line ends cut between \\r and \\n', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n3,"w"\r\n';
    const whole = parseCsv(text, 'f');
    expect(whole.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    for (let size = 1; size <= text.length; size++)
      expect(chunked(cut(text, size, 5)), `pieces of ${size}`).toEqual(whole);
  });

  it.each([
    ['a short row mid-file', 'a,b,c\n1,2,3\n4,5\n6,7,8\n', 12],
    ['a truncated last row', 'a,b,c,d\n1,2,3,4\n5,6', 16],
    ['a file cut inside a quoted field', 'a,b,c\n1,2,3\n4,"unterminated note', 12],
    ['a bad row after a cell spanning lines', 'a,b\r\n1,"x\r\ny\r\nz"\r\n3,4,5\r\n6,7\r\n', 5],
  ])('reports the problems of the whole text for %s', (_name, text, first) => {
    const whole = caughtFeedError(() => parseCsv(text, 'f')).issues;
    for (let size = 1; size <= text.length; size++)
      expect(
        caughtFeedError(() => chunked(cut(text, size, first))).issues,
        `pieces of ${size}`,
      ).toEqual(whole);
  });
});

describe('decodeInChunks', () => {
  const join = (bytes: Uint8Array, chunkBytes: number) => {
    const seen: string[] = [];
    const decoded = decodeInChunks(
      bytes,
      'f',
      (chunks) => {
        // The consumer may run twice (UTF-8 first, then Windows-1252): keep the last run only.
        seen.length = 0;
        for (const c of chunks) seen.push(c);
        return seen.join('');
      },
      chunkBytes,
    );
    return { text: decoded.result, encoding: decoded.encoding, bom: decoded.bom };
  };
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const cat = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));

  it.each<[string, Uint8Array]>([
    ['UTF-8 accents and 4-byte sequences', utf8('Région;Données\nÎle-de-France;1\u202f234 👍\n')],
    ['UTF-8 with a BOM', cat([0xef, 0xbb, 0xbf], utf8('Côte-d’Or;é\n'))],
    // Windows-1252: é E9, ’ 92, € 80, œ 9C; the bytes turn out not to be UTF-8 after a few pieces.
    [
      'Windows-1252',
      cat(utf8('abcdefgh;R'), [0xe9], utf8('gion '), [0x92, 0x80, 0x9c], utf8('\n')),
    ],
    ['Windows-1252 after a BOM', cat([0xef, 0xbb, 0xbf], utf8('x;'), [0xe9, 0xe8], utf8(';y'))],
    [
      'UTF-16LE',
      cat(
        [0xff, 0xfe],
        [...'Région'].flatMap((c) => [c.charCodeAt(0), 0]),
      ),
    ],
  ])('decodes %s as decodeBytes does, wherever the pieces are cut', (_name, bytes) => {
    const whole = decodeBytes(bytes, 'f');
    for (let size = 1; size <= bytes.length; size++)
      expect(join(bytes, size), `pieces of ${size} bytes`).toEqual(whole);
  });

  it('reads the whole file again as Windows-1252 when a late piece is not UTF-8', () => {
    const bytes = cat(utf8('é;'.repeat(10)), [0xe9]);
    const runs: string[] = [];
    const decoded = decodeInChunks(
      bytes,
      'f',
      (chunks, encoding) => {
        runs.push(encoding);
        return [...chunks].join('');
      },
      4,
    );
    expect(runs).toEqual(['utf-8', 'windows-1252']);
    expect(decoded).toEqual({
      result: decodeBytes(bytes, 'f').text,
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('keeps a problem found early only when the rest of the bytes are UTF-8', () => {
    const early = (bytes: Uint8Array) =>
      decodeInChunks(
        bytes,
        'f',
        (chunks, encoding) => {
          const first = chunks[Symbol.iterator]().next().value as string;
          throw new FeedError([{ feed: 'f', reason: `${encoding}: ${first}` }]);
        },
        2,
      );
    expect(caughtFeedError(() => early(utf8('ok then é'))).issues[0]!.reason).toBe('utf-8: ok');
    expect(caughtFeedError(() => early(cat(utf8('ok then '), [0xe9]))).issues[0]!.reason).toBe(
      'windows-1252: ok',
    );
  });

  it('rejects binary bytes as decodeBytes does', () => {
    const bytes = cat(utf8('PK'), [0x03, 0x04, 0x00, 0xff, 0xfe, 0x00]);
    expect(caughtFeedError(() => join(bytes, 3)).issues).toEqual(
      caughtFeedError(() => decodeBytes(bytes, 'f')).issues,
    );
  });
});

describe('parseFeed, tidy CSV read in pieces', () => {
  const feed: FeedConfig = {
    id: 'synthetic-chunks',
    label: { fr: 'synthétique', en: 'synthetic' },
    format: 'tidy-csv',
    url: 'synthetic-chunks.csv',
  };
  const today = new Date('2026-11-22');

  it('gives what reading the whole table gives, for a file of several pieces', () => {
    const csv = syntheticTidyCsv(20_000);
    const bytes = new TextEncoder().encode(csv);
    expect(bytes.length).toBeGreaterThan(2 * DECODE_CHUNK_BYTES);
    const streamed = parseFeed(feed, bytes, { today });
    const whole = tableResult(feed, textTable(feed, bytes), { today });
    expect(streamed.report).toEqual(whole.report);
    expect(streamed.observations).toEqual(whole.observations);
    expect(streamed.observations).toHaveLength(20_000);
  });

  it('names the file line of bad cells past the first piece', () => {
    const lines = syntheticTidyCsv(20_000).split('\n');
    // Lines 15,001 and 19,000 of the file (line 1 is the header): an unknown place, a bad value.
    lines[15_000] = lines[15_000]!.replace(/,(FR|REG-\d+|DEP-\w+),/, ',DEP-999,');
    lines[18_999] = lines[18_999]!.replace(/,day,\d+,/, ',day,douze,');
    const e = caughtFeedError(() =>
      parseFeed(feed, new TextEncoder().encode(lines.join('\n')), { today }),
    );
    expect(e.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [15_001, 'geo', 'geo.unknownDepartement'],
      [19_000, 'value', 'value.notANumber'],
    ]);
  });
});
