import { caughtFeedError } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

const caught = caughtFeedError;

describe('parseCsv: delimiter', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ','],
    ['semicolon', 'a;b;c\n1;2;3\n', ';'],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    // decimal commas in a `;` file do not make it a comma file
    ['semicolon with decimal commas', 'code;taux;note\n53;12,5;x\n11;7,25;y\n', ';'],
    [
      'tab with spaces and commas in cells',
      'mois\tvaleur\n09/2023\t1 400 000\n10/2023\t1,5\n',
      '\t',
    ],
    ['comma with semicolons inside quotes', 'a,b\n"x;y;z",2\n"p;q",3\n', ','],
  ])('%s', (_name, text, delimiter) => {
    const table = parseCsv(text, 'f');
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows.every((r) => r.cells.length === table.header.length)).toBe(true);
  });

  it('splits a semicolon file with decimal commas into the right cells', () => {
    const table = parseCsv('code;taux\n53;12,5\n', 'f');
    expect(table.header).toEqual(['code', 'taux']);
    expect(table.rows).toEqual([{ line: 2, cells: ['53', '12,5'] }]);
  });

  it('reads a one-column file', () => {
    const table = parseCsv('valeur\n1\n2\n', 'f');
    expect(table.header).toEqual(['valeur']);
    expect(table.rows.map((r) => r.cells)).toEqual([['1'], ['2']]);
  });
});

describe('parseCsv: cells', () => {
  it.each<[string, string, string[][]]>([
    ['quoted delimiter', 'a,b,c\n1,"x, y",3\n', [['1', 'x, y', '3']]],
    ['quoted semicolon delimiter', 'a;b;c\n1;"x; y";3\n', [['1', 'x; y', '3']]],
    ['quoted newline', 'a,b,c\n1,"line 1\nline 2",3\n', [['1', 'line 1\nline 2', '3']]],
    [
      'quoted CRLF in a CRLF file',
      'a,b\r\n1,"l1\r\nl2"\r\n2,x\r\n',
      [
        ['1', 'l1\r\nl2'],
        ['2', 'x'],
      ],
    ],
    ['escaped quotes', 'a,b\n1,"published as ""x"""\n', [['1', 'published as "x"']]],
    [
      'empty cells',
      'a,b,c\n,,x\n1,,3\n',
      [
        ['', '', 'x'],
        ['1', '', '3'],
      ],
    ],
    // a spreadsheet's blank rows export as bare delimiters: skipped like blank lines
    [
      'rows of bare delimiters are skipped',
      'a;b;c\n1;2;3\n;;\n4;5;6\n',
      [
        ['1', '2', '3'],
        ['4', '5', '6'],
      ],
    ],
    ['cells keep their spaces', 'a,b\n 1 , x y \n', [[' 1 ', ' x y ']]],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n3,4\r\n',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'CR-only line ends (old Mac)',
      'a,b\r1,2\r3,4\r',
      [
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    ['no final newline', 'a,b\n1,2', [['1', '2']]],
    [
      'markup is text',
      'a,b\n<script>alert(1)</script>,"=HYPERLINK(""http://x"",""y"")"\n',
      [['<script>alert(1)</script>', '=HYPERLINK("http://x","y")']],
    ],
  ])('%s', (_name, text, cells) => {
    expect(parseCsv(text, 'f').rows.map((r) => r.cells)).toEqual(cells);
  });

  it('trims header names', () => {
    expect(parseCsv(' indicator , geo \n1,2\n', 'f').header).toEqual(['indicator', 'geo']);
  });

  it('skips blank and whitespace-only lines', () => {
    const table = parseCsv('a,b\n\n1,2\n   \n3,4\n\n\n', 'f');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('numbers data rows from 2: the header is row 1', () => {
    const table = parseCsv('a,b\n1,2\n3,4\n5,6\n', 'f');
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(table.headerLine).toBe(1);
  });

  it('gives each row its true file line after quoted cells spanning lines and blank lines', () => {
    const text = '\na;b\n1;"deux\nlignes"\n\n3;"x"\n4;"trois\r\nlignes\nici"\n5;y\n';
    const table = parseCsv(text, 'f');
    expect(table.headerLine).toBe(2);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, '1'],
      [6, '3'],
      [7, '4'],
      [10, '5'],
    ]);
  });
});

describe('parseCsv: errors', () => {
  it.each<[string, string, { row: number; reason: RegExp }[]]>([
    [
      'too few fields mid-file',
      'a,b,c\n1,2,3\n4,5\n6,7,8\n',
      [{ row: 3, reason: /^has 2 fields, expected 3$/ }],
    ],
    ['too many fields', 'a,b\n1,2,3\n4,5\n', [{ row: 2, reason: /^has 3 fields, expected 2$/ }]],
    [
      'several bad rows, each reported',
      'a,b,c\n1,2\n3,4,5\n6,7,8,9\n10,11,12\n',
      [
        { row: 2, reason: /^has 2 fields, expected 3$/ },
        { row: 4, reason: /^has 4 fields, expected 3$/ },
      ],
    ],
    [
      'a truncated last row',
      'a,b,c,d\n1,2,3,4\n5,6',
      [{ row: 3, reason: /^has 2 fields, expected 4 \(the file looks truncated\)$/ }],
    ],
    [
      'a last row with too many fields is not called truncated',
      'a,b\n1,2\n3,4,5\n',
      [{ row: 3, reason: /^has 3 fields, expected 2$/ }],
    ],
    [
      'a file cut inside a quoted field',
      'a,b,c\n1,2,3\n4,"unterminated note',
      [
        { row: 3, reason: /^a quoted field is never closed$/ },
        { row: 3, reason: /has 2 fields, expected 3 \(the file looks truncated\)/ },
      ],
    ],
    [
      'semicolon file with a short row',
      'code;taux;note\n53;12,5;x\n11;7,25\n84;3;z\n',
      [{ row: 3, reason: /^has 2 fields, expected 3$/ }],
    ],
    [
      'a row after a quoted cell spanning lines is reported at its file line',
      'a,b\n1,"x\ny"\n2\n',
      [{ row: 4, reason: /^has 1 fields, expected 2 \(the file looks truncated\)$/ }],
    ],
    [
      'the same with CRLF line ends and two breaks in the cell',
      'a,b\r\n1,"x\r\ny\r\nz"\r\n3,4,5\r\n6,7\r\n',
      [{ row: 5, reason: /^has 3 fields, expected 2$/ }],
    ],
  ])('%s', (_name, text, expected) => {
    const e = caught(() => parseCsv(text, 'feed-x'));
    expect(e.issues).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      expect(e.issues[i]).toMatchObject({ feed: 'feed-x', row: want.row });
      expect(e.issues[i]!.reason).toMatch(want.reason);
    });
  });

  it('reports the file row of a bad line that follows a blank line', () => {
    // Line 3 is blank; the short row is line 4 in a text editor and row 4 in a spreadsheet.
    const e = caught(() => parseCsv('a,b,c\n1,2,3\n\n4,5\n6,7,8\n', 'f'));
    expect(e.issues).toEqual([
      {
        feed: 'f',
        row: 4,
        code: 'row.fieldCount',
        params: { count: 2, expected: 3 },
        reason: 'has 2 fields, expected 3',
      },
    ]);
  });

  it('rejects text with no header row', () => {
    const e = caught(() => parseCsv('', 'feed-y'));
    expect(e.issues).toEqual([
      { feed: 'feed-y', code: 'file.noHeader', reason: 'the file has no header row' },
    ]);
  });

  it('names the feed and row in the error message', () => {
    const e = caught(() => parseCsv('a,b\n1\n', 'my-feed'));
    expect(e.message).toBe(
      'feed "my-feed", row 2: has 1 fields, expected 2 (the file looks truncated)',
    );
  });
});
