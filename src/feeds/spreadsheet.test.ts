import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import {
  detectHeaderRow,
  isSpreadsheet,
  numberCellText,
  numberFormatKind,
  plainNumber,
  readWorkbook,
  sheetTable,
  spreadsheetErrorText,
  type SheetTable,
  type SpreadsheetIssue,
  type Workbook,
} from './spreadsheet';
import { FeedError } from './types';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildSpreadsheets } from '../../test/fixtures/feeds/make-spreadsheets.mjs';

const FIXTURES = resolve(import.meta.dirname, '../../test/fixtures/feeds');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

const ARS_HEADER = [
  'Région',
  'Code région',
  'Mois',
  'Nombre de profils MES ouverts',
  'Nombre de profils MES activés',
];
const REGION_CODES = [
  '01',
  '02',
  '03',
  '04',
  '06',
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
];

/** Synthetic workbook bytes, written by the library itself. */
function workbookBytes(
  sheets: Record<string, XLSX.CellObject[][] | unknown[][]>,
  bookType: XLSX.BookType = 'xlsx',
  date1904 = false,
): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  }
  if (date1904) wb.Workbook = { ...wb.Workbook, WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }));
}

/** The part of the library's container code (zip and OLE) the tests use; its types say `any`. */
interface Container {
  FullPaths: string[];
}
interface ContainerCode {
  read(bytes: Uint8Array, options: { type: 'array' }): Container;
  find(container: Container, path: string): { content: Uint8Array } | null;
  write(container: Container, options: { fileType?: 'zip'; type: 'array' }): number[];
  utils: { cfb_new(): Container; cfb_add(c: Container, path: string, content: Uint8Array): void };
}
const CFB = XLSX.CFB as ContainerCode;

/** A container (zip or OLE) holding these parts, written by the library. */
function container(parts: Record<string, Uint8Array>, fileType?: 'zip'): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [path, content] of Object.entries(parts)) CFB.utils.cfb_add(c, path, content);
  return new Uint8Array(CFB.write(c, { fileType, type: 'array' }));
}

/** The names of a zip's parts. */
function zipParts(bytes: Uint8Array): string[] {
  return CFB.read(bytes, { type: 'array' }).FullPaths.map((p) => p.replace(/^Root Entry\//, ''));
}

function zipPartText(bytes: Uint8Array, part: string): string {
  const entry = CFB.find(CFB.read(bytes, { type: 'array' }), `/${part}`);
  if (!entry) throw new Error(`no ${part}`);
  return new TextDecoder().decode(entry.content);
}

/** Rewrites one part of a zip (through the library's own zip code). */
function patchZip(bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const zip = CFB.read(bytes, { type: 'array' });
  const entry = CFB.find(zip, `/${part}`);
  if (!entry) throw new Error(`no ${part}`);
  entry.content = new TextEncoder().encode(edit(new TextDecoder().decode(entry.content)));
  return new Uint8Array(CFB.write(zip, { fileType: 'zip', type: 'array' }));
}

/** Where a zip's central directory starts. */
function centralDirectory(view: DataView): number {
  let at = view.byteLength - 22;
  while (view.getUint32(at, true) !== 0x06054b50) at--;
  return view.getUint32(at + 16, true);
}

async function rejection(promise: Promise<unknown>): Promise<SpreadsheetIssue> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(FeedError);
    const issues = (e as FeedError).issues;
    expect(issues).toHaveLength(1);
    return issues[0] as SpreadsheetIssue;
  }
  throw new Error('expected readWorkbook to reject');
}

const sheetNamed = (book: Workbook, name: string): SheetTable => {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

it('has the workbooks on disk exactly as make-spreadsheets.mjs writes them', () => {
  const built = buildSpreadsheets() as Record<string, Uint8Array>;
  expect(Object.keys(built).sort()).toEqual([
    'synthetic-ars-workbook.ods',
    'synthetic-ars-workbook.xlsx',
    'synthetic-edge-cases.xlsx',
  ]);
  for (const [name, bytes] of Object.entries(built)) expect(fixture(name), name).toEqual(bytes);
});

describe('readWorkbook on the synthetic ARS workbook', () => {
  it.each(['synthetic-ars-workbook.xlsx', 'synthetic-ars-workbook.ods'])(
    '%s: title rows, header on row 4, 216 data rows with text codes and months',
    async (file) => {
      const book = await readWorkbook(fixture(file), file);
      expect(book.sheets.map((s) => s.name)).toEqual(['Profils MES', 'Notes']);
      const sheet = sheetNamed(book, 'Profils MES');
      expect(sheet.rows).toHaveLength(220);
      expect(sheet.rows[0]).toEqual([
        'Données synthétiques de test — profils Mon espace santé par région et par mois, 2025',
      ]);
      expect(sheet.rows[1]![0]).toMatch(/^Source : .*\(données synthétiques\)/);
      expect(sheet.rows[2]).toEqual([]);
      expect(sheet.rows[3]).toEqual(ARS_HEADER);

      const header = detectHeaderRow(sheet.rows);
      expect(header).toBe(3);
      const table = sheetTable(sheet, header);
      expect(table.header).toEqual(ARS_HEADER);
      expect(table.rows).toHaveLength(18 * 12);
      expect(table.rows[0]).toEqual({
        line: 5,
        cells: ['Guadeloupe', '01', '2025-01', '101000', '21210'],
      });
      // Bretagne (13th region), July: 1 300 000 + 7 000 open, 27 % of them activated.
      expect(table.rows[12 * 12 + 6]).toEqual({
        line: 155,
        cells: ['Bretagne', '53', '2025-07', '1307000', '352890'],
      });
      expect(table.rows.at(-1)).toEqual({
        line: 220,
        cells: ['Corse', '94', '2025-12', '1812000', '579840'],
      });
      expect([...new Set(table.rows.map((r) => r.cells[1]))]).toEqual(REGION_CODES);
      const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
      expect([...new Set(table.rows.map((r) => r.cells[2]))]).toEqual(months);
      for (const { cells } of table.rows) {
        expect(Number(cells[4])).toBeLessThanOrEqual(Number(cells[3]));
      }

      const notes = sheetNamed(book, 'Notes');
      expect(notes.rows[0]).toEqual(['Notes']);
      expect(notes.rows[1]![0]).toContain('Données synthétiques de test');
    },
  );

  it('reads the .ods exactly as the .xlsx', async () => {
    const xlsx = await readWorkbook(fixture('synthetic-ars-workbook.xlsx'), 'a.xlsx');
    const ods = await readWorkbook(fixture('synthetic-ars-workbook.ods'), 'a.ods');
    expect(ods).toEqual(xlsx);
  });
});

describe('readWorkbook on the edge-case workbook', () => {
  const read = () => readWorkbook(fixture('synthetic-edge-cases.xlsx'), 'edge.xlsx');

  it('reads each kind of cell as its text', async () => {
    const sheet = sheetNamed(await read(), 'Cas limites');
    expect(detectHeaderRow(sheet.rows)).toBe(1);
    expect(sheetTable(sheet, 1)).toEqual({
      header: [
        'Code (nombre formaté 00)',
        'Part activée',
        'Horodatage',
        'Jour',
        'Mois',
        'Année',
        'Quotient',
        'Somme',
        'Libellé',
        'Nombre',
        'Booléen',
      ],
      rows: [
        {
          line: 3,
          cells: [
            '01', // the number 1 shown `00`
            '37.2%', // 0.372 shown `0.0%`
            '2025-01-15T08:30:00',
            '2025-01-15', // `dd/mm/yyyy`
            '2025-03', // `mmmm yyyy`
            '2025', // `yyyy`
            '#DIV/0!', // a formula's error
            '3', // a formula's cached result
            '2A',
            '12345.5', // shown `12,345.5`: plain text for the number parser
            'TRUE',
          ],
        },
        {
          line: 4,
          cells: [
            '05',
            '7.25%',
            '2025-12-31T23:59:59',
            '2024-02-29', // `d mmm yyyy`, a leap day
            '2025-11', // `mm/yyyy`
            '2024', // 30 June 2024 shown `yyyy`
            '#N/A',
            '0.3', // 0.1 + 0.2 without its float noise
            '971',
            '-42',
            'FALSE',
          ],
        },
        {
          line: 5,
          cells: [
            '976', // longer than its `00` format
            '57%',
            '2025-01-15T00:00:00',
            '2025-01-15',
            '2025-01', // 31 January shown `mmm-yy`
            '2025', // typed as text
            '0.25',
            '68406684',
            '01', // typed as text
            '1 234,5', // text stays as typed
            '', // an empty text cell
          ],
        },
      ],
    });
  });

  it('keeps an empty sheet, marks a hidden one, and finds a table that starts at B3', async () => {
    const book = await read();
    expect(book.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['Cas limites', false],
      ['Vide', false],
      ['Décalée', false],
      ['Masquée', true],
    ]);
    expect(sheetNamed(book, 'Vide').rows).toEqual([]);
    const offset = sheetNamed(book, 'Décalée');
    expect(offset.rows[2]).toEqual(['', 'Code région', 'Valeur']);
    expect(detectHeaderRow(offset.rows)).toBe(2);
    expect(sheetTable(offset, 2)).toEqual({
      header: ['Code région', 'Valeur'],
      rows: [
        { line: 4, cells: ['53', '7'] },
        { line: 6, cells: ['2A', '8'] },
      ],
    });
  });
});

describe('readWorkbook on workbooks made here', () => {
  it('reads a date the same in the 1900 and the 1904 date systems', async () => {
    // 1 January 2025 is day 45658 counted from 1900, day 44196 counted from 1904.
    const book1900 = workbookBytes({ S: [[{ t: 'n', v: 45658, z: 'dd/mm/yyyy' }]] });
    const book1904 = workbookBytes({ S: [[{ t: 'n', v: 44196, z: 'dd/mm/yyyy' }]] }, 'xlsx', true);
    expect((await readWorkbook(book1900, 'a.xlsx')).sheets[0]!.rows).toEqual([['2025-01-01']]);
    expect((await readWorkbook(book1904, 'b.xlsx')).sheets[0]!.rows).toEqual([['2025-01-01']]);
  });

  it('reads an Excel 97-2003 .xls', async () => {
    const bytes = workbookBytes(
      {
        Feuille: [
          ['Code', 'Mois'],
          [
            { t: 's', v: '01' },
            { t: 'n', v: 45658, z: 'mmm yyyy' },
          ],
        ],
      },
      'xls',
    );
    expect(isSpreadsheet(bytes, 'export.xls')).toBe(true);
    const book = await readWorkbook(bytes, 'export.xls');
    expect(book.sheets[0]!.rows).toEqual([
      ['Code', 'Mois'],
      ['01', '2025-01'],
    ]);
  });

  it('keeps empty rows in the middle so that row numbers stay true', async () => {
    const bytes = workbookBytes({ S: [['a'], [], [], ['b', 'c']] });
    expect((await readWorkbook(bytes, 'a.xlsx')).sheets[0]!.rows).toEqual([
      ['a'],
      [],
      [],
      ['b', 'c'],
    ]);
  });

  // Two defences: dense sheets (cells in arrays, not keyed by address) and the library's fix of
  // CVE-2023-30533 (0.19.3); this fails only when both are gone, as with `xlsx` 0.18.5 read sparse.
  it('does not let a comment on "__proto__" touch Object.prototype (CVE-2023-30533)', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['x']]);
    (ws.A1 as XLSX.CellObject).c = [{ a: 'synthétique', t: 'note' }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const plain = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const commentPart = zipParts(plain).find((p) => /comments\d*\.xml$/.test(p));
    expect(commentPart).toBeDefined();
    const crafted = patchZip(plain, commentPart!, (xml) =>
      xml.replace(/ref="A1"/, 'ref="__proto__"'),
    );
    expect(zipPartText(crafted, commentPart!)).toContain('ref="__proto__"');
    await readWorkbook(crafted, 'crafted.xlsx');
    const probe = {} as Record<string, unknown>;
    expect(probe.c).toBeUndefined();
    expect(probe.t).toBeUndefined();
  });
});

describe('readWorkbook errors', () => {
  const csv = new TextEncoder().encode('Région;Code région\nBretagne;53\n');

  it('refuses a CSV renamed .xlsx, saying it is text', async () => {
    const issue = await rejection(readWorkbook(csv, 'export.xlsx', { feed: 'mon-flux' }));
    expect(issue).toMatchObject({
      feed: 'mon-flux',
      code: 'sheet.notWorkbook',
      params: { file: 'export.xlsx', content: 'text' },
    });
    expect(issue.reason).toBe(
      '"export.xlsx" is not an Excel or OpenDocument workbook readable here: it is a text file (a renamed CSV?); import it under its .csv extension',
    );
  });

  it('refuses binary content that is no workbook', async () => {
    const issue = await rejection(readWorkbook(new Uint8Array([0, 1, 2, 3, 4]), 'x.xlsx'));
    expect(issue).toMatchObject({ code: 'sheet.notWorkbook', params: { content: 'binary' } });
  });

  it('refuses a zip that holds no workbook', async () => {
    const bytes = container(
      { '/word/document.xml': new TextEncoder().encode('<w:document/>') },
      'zip',
    );
    const issue = await rejection(readWorkbook(bytes, 'lettre.xlsx'));
    expect(issue).toMatchObject({ code: 'sheet.notWorkbook', params: { content: 'zip' } });
  });

  it('refuses an empty file', async () => {
    const issue = await rejection(readWorkbook(new Uint8Array(0), 'vide.xlsx'));
    expect(issue).toMatchObject({ code: 'sheet.unreadable', params: { detail: 'empty' } });
  });

  it.each([
    ['cut in half', (b: Uint8Array) => b.subarray(0, b.length >> 1)],
    ['missing its last 10 bytes', (b: Uint8Array) => b.subarray(0, b.length - 10)],
  ])('refuses a truncated .xlsx (%s)', async (_label, cut) => {
    const issue = await rejection(
      readWorkbook(cut(fixture('synthetic-ars-workbook.xlsx')), 'a.xlsx'),
    );
    expect(issue).toMatchObject({ code: 'sheet.unreadable', params: { detail: 'truncated' } });
    expect(issue.reason).toBe(
      '"a.xlsx" cannot be read as a workbook: the archive is incomplete (a truncated file or an interrupted download)',
    );
  });

  it('refuses a damaged .xlsx with the library’s reason', async () => {
    const bytes = fixture('synthetic-ars-workbook.xlsx').slice();
    bytes.fill(0x55, 200, 2000); // inside the first parts, the directory intact
    const issue = await rejection(readWorkbook(bytes, 'abîmé.xlsx'));
    expect(issue.code).toBe('sheet.unreadable');
    expect(issue.params.detail).not.toBe('truncated');
  });

  it('refuses a password-protected workbook (an OLE container holding an encrypted package)', async () => {
    // What Excel writes for a password: an OLE container, the package encrypted inside.
    const bytes = container({
      '/EncryptionInfo': new Uint8Array([
        4,
        0,
        4,
        0,
        0x40,
        0,
        0,
        0,
        ...new Array<number>(200).fill(0),
      ]),
      '/EncryptedPackage': new Uint8Array(512),
    });
    expect(isSpreadsheet(bytes, 'protégé.xlsx')).toBe(true);
    const issue = await rejection(readWorkbook(bytes, 'protégé.xlsx'));
    expect(issue).toMatchObject({ code: 'sheet.encrypted', params: { file: 'protégé.xlsx' } });
  });

  it('refuses a zip whose parts are encrypted', async () => {
    const bytes = fixture('synthetic-edge-cases.xlsx').slice();
    // Set the "encrypted" flag of the first central-directory entry.
    const view = new DataView(bytes.buffer);
    const directory = centralDirectory(view);
    view.setUint16(directory + 8, view.getUint16(directory + 8, true) | 1, true);
    const issue = await rejection(readWorkbook(bytes, 'chiffré.xlsx'));
    expect(issue.code).toBe('sheet.encrypted');
  });

  it('refuses a workbook without sheets', async () => {
    const bytes = patchZip(fixture('synthetic-edge-cases.xlsx'), 'xl/workbook.xml', (xml) =>
      xml.replace(/<sheets>.*<\/sheets>/s, '<sheets/>'),
    );
    const issue = await rejection(readWorkbook(bytes, 'sans-feuille.xlsx'));
    expect(issue).toMatchObject({ code: 'sheet.noSheets' });
  });

  it('refuses a zip that says it unpacks beyond the limit, before unpacking it', async () => {
    const bytes = fixture('synthetic-edge-cases.xlsx').slice();
    const view = new DataView(bytes.buffer);
    const directory = centralDirectory(view);
    view.setUint32(directory + 24, 300 * 1024 * 1024, true); // the first part "unpacks" to 300 MB
    const issue = await rejection(readWorkbook(bytes, 'bombe.xlsx'));
    expect(issue).toMatchObject({ code: 'sheet.tooLarge', params: { what: 'unzipped' } });
    expect(spreadsheetErrorText(issue.code, issue.params, 'fr')).toMatch(
      /^« bombe\.xlsx » est trop volumineux pour être lu ici : 300(,\d)? Mo une fois décompressé \(limite : 256 Mo\)$/,
    );
  });

  it('refuses a workbook with more filled cells than the limit', async () => {
    const bytes = workbookBytes({ S: [['a', 'b'], ['c', 'd'], ['e']] });
    await expect(readWorkbook(bytes, 'ok.xlsx', { maxCells: 5 })).resolves.toBeDefined();
    const issue = await rejection(readWorkbook(bytes, 'gros.xlsx', { maxCells: 4 }));
    expect(issue).toMatchObject({ code: 'sheet.tooLarge', params: { what: 'cells', limit: 4 } });
    expect(spreadsheetErrorText(issue.code, issue.params, 'fr')).toBe(
      '« gros.xlsx » est trop volumineux pour être lu ici : plus de 4 cellules remplies',
    );
  });
});

describe('isSpreadsheet', () => {
  const csv = new TextEncoder().encode('a;b\n1;2\n');
  it.each<[string, () => Uint8Array, string, boolean]>([
    ['an .xlsx', () => fixture('synthetic-ars-workbook.xlsx'), 'a.xlsx', true],
    ['an .xlsx under a .csv name', () => fixture('synthetic-ars-workbook.xlsx'), 'a.csv', true],
    ['an .ods', () => fixture('synthetic-ars-workbook.ods'), 'a.ods', true],
    ['a CSV named .xlsx', () => csv, 'a.xlsx', false],
    [
      'a truncated .xlsx',
      () => fixture('synthetic-edge-cases.xlsx').subarray(0, 3000),
      'a.xlsx',
      true,
    ],
    [
      'a truncated zip named .zip',
      () => fixture('synthetic-edge-cases.xlsx').subarray(0, 3000),
      'a.zip',
      false,
    ],
    ['an empty file', () => new Uint8Array(0), 'a.xlsx', false],
  ])('%s: %s', (_label, bytes, name, expected) => {
    expect(isSpreadsheet(bytes(), name)).toBe(expected);
  });
});

describe('numberFormatKind', () => {
  it.each<[string, ReturnType<typeof numberFormatKind>]>([
    ['General', { kind: 'plain' }],
    ['@', { kind: 'plain' }],
    ['0', { kind: 'plain' }],
    ['#,##0', { kind: 'plain' }],
    ['# ##0,0 "€"', { kind: 'plain' }],
    ['0.00E+00', { kind: 'plain' }],
    ['[Red]0.0;[Blue]-0.0', { kind: 'plain' }],
    ['00', { kind: 'padded', digits: 2 }],
    ['00000', { kind: 'padded', digits: 5 }],
    ['0%', { kind: 'percent' }],
    ['0.0%', { kind: 'percent' }],
    ['dd/mm/yyyy', { kind: 'date', precision: 'day' }],
    ['m/d/yy', { kind: 'date', precision: 'day' }],
    ['d mmm yyyy', { kind: 'date', precision: 'day' }],
    ['[$-40C]dddd d mmmm yyyy', { kind: 'date', precision: 'day' }],
    ['mmm yyyy', { kind: 'date', precision: 'month' }],
    ['mmmm yyyy', { kind: 'date', precision: 'month' }],
    ['mm/yyyy', { kind: 'date', precision: 'month' }],
    ['mmm-yy', { kind: 'date', precision: 'month' }],
    ['[$-fr-FR]mmm\\ yyyy;@', { kind: 'date', precision: 'month' }],
    ['mmm" "yyyy', { kind: 'date', precision: 'month' }],
    ['yyyy', { kind: 'date', precision: 'year' }],
    ['yyyy-mm-dd hh:mm', { kind: 'date', precision: 'datetime' }],
    ['dd/mm/yyyy hh:mm:ss', { kind: 'date', precision: 'datetime' }],
    ['hh:mm', { kind: 'date', precision: 'time' }],
    ['[h]:mm:ss', { kind: 'date', precision: 'time' }],
    ['"Année "0', { kind: 'plain' }],
  ])('%s', (format, kind) => {
    expect(numberFormatKind(format)).toEqual(kind);
  });
});

describe('number cell text', () => {
  const noDates = () => null;
  it.each<[number, string | undefined, string]>([
    [12345.5, undefined, '12345.5'],
    [0.1 + 0.2, 'General', '0.3'],
    [68406684, '#,##0', '68406684'],
    [-0.5, '0.0', '-0.5'],
    [0.372, '0.0%', '37.2%'],
    [0.57, '0%', '57%'],
    [0.3725, '0%', '37.25%'], // the stored value, not the display's rounding
    [1, '00', '01'],
    [1001, '00000', '01001'],
    [1.5, '00', '1.5'], // not a code: the number as it is
  ])('%s formatted %s', (value, format, text) => {
    expect(numberCellText(value, format, noDates)).toBe(text);
  });

  it('shows at most 15 significant digits, as Excel does', () => {
    expect(plainNumber(37.199999999999996)).toBe('37.2');
    expect(plainNumber(1 / 3)).toBe('0.333333333333333');
    expect(plainNumber(123456789012)).toBe('123456789012');
  });

  it('leaves a date out of the calendar as the number it is', () => {
    expect(numberCellText(-3, 'dd/mm/yyyy', () => null)).toBe('-3');
  });
});

describe('detectHeaderRow', () => {
  const data = (n: number, row: (i: number) => string[]) =>
    Array.from({ length: n }, (_, i) => row(i));

  it.each<[string, string[][], number]>([
    [
      'a header on the first row',
      [['Région', 'Valeur'], ...data(5, (i) => ['Bretagne', `${i}`])],
      0,
    ],
    [
      'a title, a source line and a blank row (ARS)',
      [
        ['Profils par région (données synthétiques)'],
        ['Source : exemple'],
        [],
        ['Région', 'Code', 'Mois', 'Ouverts', 'Activés'],
        ...data(12, (i) => ['Bretagne', '53', `2025-${String(i + 1).padStart(2, '0')}`, '10', '5']),
      ],
      3,
    ],
    [
      'six rows of title and notes, one as wide as a narrow table (DREES)',
      [
        ['Tableau 3 — données synthétiques'],
        ['Champ :', 'France entière'],
        ['Lecture : exemple inventé'],
        [],
        ['Note : chiffres provisoires'],
        [],
        ['Mois', 'Valeur'],
        ...data(10, (i) => [`0${(i % 9) + 1}/2025`, `${i * 10}`]),
      ],
      6,
    ],
    [
      'a two-cell note right above the header',
      [
        ['Titre synthétique'],
        ['Champ :', 'France entière'],
        ['Mois', 'Valeur'],
        ...data(6, (i) => [`2025-0${i + 1}`, `${i}`]),
      ],
      2,
    ],
    [
      'French month names in the data',
      [
        ['Titre'],
        ['Région', 'Mois', 'Valeur'],
        ...data(6, (i) => ['Corse', `${['janv.', 'févr.'][i % 2]} 2025`, `${i}`]),
      ],
      1,
    ],
    [
      'sparse data rows under a wider header',
      [
        ['Titre synthétique'],
        [],
        ['Région', 'Code', 'T1', 'T2', 'T3', 'T4'],
        ...data(8, (i) => ['Bretagne', '53', `${i}`, '', `${i}`, '']),
      ],
      2,
    ],
    [
      'years as column names',
      [
        ['Titre synthétique'],
        ['Région', '2021', '2022', '2023'],
        ...data(5, (i) => ['Bretagne', `${i}`, `${i + 1}`, `${i + 2}`]),
      ],
      1,
    ],
    [
      'a table of text only',
      [['Titre'], [], ['Nom', 'Libellé'], ...data(4, (i) => [`a${i}`, `b${i}`])],
      2,
    ],
    ['one column only', [['Valeur'], ['1'], ['2']], 0],
    ['an empty sheet', [], 0],
    ['blank rows only', [[], ['', '  ']], 0],
  ])('%s', (_label, rows, expected) => {
    expect(detectHeaderRow(rows)).toBe(expected);
  });
});

describe('sheetTable', () => {
  it('trims the header, pads short rows, drops blank rows and trailing empty columns', () => {
    const sheet: SheetTable = {
      name: 'S',
      rows: [
        ['Titre'],
        [' Région ', 'Valeur ', '', ''],
        ['Corse', '1'],
        [],
        ['', ' '],
        ['Bretagne'],
      ],
    };
    expect(sheetTable(sheet, 1)).toEqual({
      header: ['Région', 'Valeur'],
      rows: [
        { line: 3, cells: ['Corse', '1'] },
        { line: 6, cells: ['Bretagne', ''] },
      ],
    });
  });

  it('keeps a data column that has no name', () => {
    const sheet: SheetTable = {
      name: 'S',
      rows: [
        ['a', 'b'],
        ['1', '2', '3'],
      ],
    };
    expect(sheetTable(sheet, 0)).toEqual({
      header: ['a', 'b', ''],
      rows: [{ line: 2, cells: ['1', '2', '3'] }],
    });
  });

  it('gives an empty table for a header row past the end', () => {
    expect(sheetTable({ name: 'S', rows: [['a']] }, 5)).toEqual({ header: [], rows: [] });
  });
});

describe('spreadsheetErrorText', () => {
  it.each<[SpreadsheetIssue['code'], SpreadsheetIssue['params'], string, string]>([
    [
      'sheet.notWorkbook',
      { file: 'a.xlsx', content: 'text' },
      '« a.xlsx » n’est pas un classeur Excel ou OpenDocument lisible ici : c’est un fichier texte (un CSV renommé ?) ; importez-le sous son extension .csv',
      '"a.xlsx" is not an Excel or OpenDocument workbook readable here: it is a text file (a renamed CSV?); import it under its .csv extension',
    ],
    [
      'sheet.unreadable',
      { file: 'a.xlsx', detail: 'truncated' },
      '« a.xlsx » ne peut pas être lu comme un classeur : l’archive est incomplète (fichier tronqué ou téléchargement interrompu)',
      '"a.xlsx" cannot be read as a workbook: the archive is incomplete (a truncated file or an interrupted download)',
    ],
    [
      'sheet.encrypted',
      { file: 'a.xlsx' },
      '« a.xlsx » est protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-le sans mot de passe (ou exportez-le en CSV), puis importez-le à nouveau',
      '"a.xlsx" is password-protected: open it in your spreadsheet application, save it without a password (or export it as CSV), then import it again',
    ],
    [
      'sheet.tooLarge',
      { file: 'a.xlsx', what: 'bytes', size: 150 * 1024 * 1024, limit: 100 * 1024 * 1024 },
      '« a.xlsx » est trop volumineux pour être lu ici : 150 Mo (limite : 100 Mo)',
      '"a.xlsx" is too large to be read here: 150 MB (limit: 100 MB)',
    ],
    [
      'sheet.tooLarge',
      { file: 'a.xlsx', what: 'cells', limit: 5_000_000 },
      '« a.xlsx » est trop volumineux pour être lu ici : plus de 5\u202f000\u202f000 cellules remplies',
      '"a.xlsx" is too large to be read here: more than 5,000,000 filled cells',
    ],
    [
      'sheet.noSheets',
      { file: 'a.xlsx' },
      '« a.xlsx » ne contient aucune feuille',
      '"a.xlsx" holds no sheet',
    ],
    [
      'sheet.readerUnavailable',
      { file: 'a.xlsx' },
      'le lecteur de classeurs n’a pas pu être chargé pour lire « a.xlsx » (hors connexion ?) : réessayez une fois connecté, ou enregistrez le fichier en CSV',
      'the workbook reader could not be loaded to read "a.xlsx" (offline?): try again once online, or save the file as CSV',
    ],
  ])('%s in French and English', (code, params, fr, en) => {
    expect(spreadsheetErrorText(code, params, 'fr')).toBe(fr);
    expect(spreadsheetErrorText(code, params, 'en')).toBe(en);
  });
});

describe('loading', () => {
  it('imports the spreadsheet library only dynamically', () => {
    const source = readFileSync(resolve(import.meta.dirname, 'spreadsheet.ts'), 'utf8');
    const staticImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map(
      (m) => m[1],
    );
    expect(staticImports).not.toContain('@e965/xlsx');
    expect(source).toMatch(/await import\('@e965\/xlsx'\)/);
  });
});
