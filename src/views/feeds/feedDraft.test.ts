import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticArsWideCsv } from '../../../test/syntheticArs';
import { caughtFeedError } from '../../../test/synthetic';
import {
  columnCells,
  readDraft,
  readDraftFile,
  rowsAboveHeader,
  withHeaderRow,
  withSheet,
} from './feedDraft';

// Synthetic files: made-up figures at example.org.
const SRC = 'https://example.org/synthetic/draft';
const enc = (s: string) => new TextEncoder().encode(s);
const workbook = () =>
  new Uint8Array(
    readFileSync(
      resolve(import.meta.dirname, '../../../test/fixtures/feeds/synthetic-ars-workbook.xlsx'),
    ),
  );

describe('readDraft', () => {
  it('reads a semicolon CSV for preview, as mapped CSV', () => {
    const draft = readDraft(
      enc('Date;Code région;Valeur\n31/01/2024;53;1 000\n29/02/2024;84;2 000\n'),
      'export.csv',
    );
    expect(draft).toMatchObject({
      name: 'export.csv',
      format: 'mapped-csv',
      header: ['Date', 'Code région', 'Valeur'],
      rows: [
        ['31/01/2024', '53', '1 000'],
        ['29/02/2024', '84', '2 000'],
      ],
      tidy: false,
    });
  });

  it('recognises the tidy format', () => {
    const draft = readDraft(
      enc(
        `indicator,breakdown,geo,period,precision,value,qualifier,source_url,source_label,note\nmes_profiles_open,,FR,2024-01,month,1,=,${SRC},x,\n`,
      ),
      'tidy.csv',
    );
    expect(draft).toMatchObject({ format: 'tidy-csv', tidy: true });
  });

  it('reads a JSON array (keys as columns, the API’s __id left out)', () => {
    const draft = readDraft(
      enc(
        JSON.stringify([
          { __id: 1, mois: '2024-01', n: 5, extra: null },
          { __id: 2, mois: '2024-02', n: 6, extra: { a: 1 } },
        ]),
      ),
      'x.json',
      'https://tabular-api.data.gouv.fr/api/resources/synthetic/data/',
    );
    expect(draft).toMatchObject({
      format: 'datagouv-tabular',
      header: ['mois', 'n', 'extra'],
      rows: [
        ['2024-01', '5', ''],
        ['2024-02', '6', '{"a":1}'],
      ],
    });
    expect(readDraft(enc('[{"a": 1}]'), 'x.json', 'https://example.org/x.json').format).toBe(
      'json-array',
    );
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><p>404</p>', /HTML or XML page/],
    ['an empty file', '', /the file is empty/],
    ['broken JSON', '[{"a":', /not valid JSON/],
  ])('refuses %s, naming the file', (_name, text, reason) => {
    const e = caughtFeedError(() => readDraft(enc(text), 'bad.csv'));
    expect(e.message).toContain('feed "bad.csv"');
    expect(e.issues[0]!.reason).toMatch(reason);
  });
});

describe('readDraft of an ARS export', () => {
  it('reads Windows-1252 and the semicolon, and says so', () => {
    const draft = readDraft(syntheticArsWideCsv(), 'synthetic-ars.csv');
    expect(draft).toMatchObject({ encoding: 'windows-1252', delimiter: ';', format: 'mapped-csv' });
    expect(draft.header[0]).toBe('Région');
    expect(draft.rows).toHaveLength(216);
    expect(columnCells(draft, 'Mois').slice(0, 2)).toEqual(['janv. 2025', 'févr. 2025']);
    expect(columnCells(draft, 'absent')).toEqual([]);
  });
});

describe('workbooks', () => {
  it('reads the first sheet below its title rows, each row with its sheet line', async () => {
    const draft = await readDraftFile(workbook(), 'synthetic-ars-workbook.xlsx');
    expect(draft.format).toBe('spreadsheet');
    expect(draft.workbook).toMatchObject({
      sheet: 'Profils MES',
      headerRow: 4,
      detectedHeaderRow: 4,
    });
    expect(draft.workbook!.sheets.map((s) => s.name)).toEqual(['Profils MES', 'Notes']);
    expect(draft.header).toEqual([
      'Région',
      'Code région',
      'Mois',
      'Nombre de profils MES ouverts',
      'Nombre de profils MES activés',
    ]);
    expect(draft.lines!.slice(0, 2)).toEqual([5, 6]);
    // Codes typed as text keep their zeros; dates come as ISO months.
    expect(draft.rows[0]!.slice(1, 3)).toEqual(['01', '2025-01']);
    expect(rowsAboveHeader(draft).map((r) => r.line)).toEqual([1, 2]);
    expect(rowsAboveHeader(draft)[1]!.text).toMatch(/^Source/);
  });

  it('takes the header row the user gives, and another sheet with its own header', async () => {
    const draft = await readDraftFile(workbook(), 'synthetic-ars-workbook.xlsx');
    const moved = withHeaderRow(draft, 5);
    expect(moved.workbook).toMatchObject({ headerRow: 5, detectedHeaderRow: 4 });
    expect(moved.header[1]).toBe('01');
    expect(moved.lines![0]).toBe(6);
    expect(withHeaderRow(draft, 0).workbook!.headerRow).toBe(1);
    const notes = withSheet(draft, 'Notes');
    expect(notes.workbook!.sheet).toBe('Notes');
    expect(withSheet(notes, 'Profils MES').header).toEqual(draft.header);
    expect(withSheet(draft, 'absent')).toBe(draft);
  });

  it('reads a CSV named like one as text', async () => {
    const draft = await readDraftFile(enc('a;b\n1;2\n'), 'x.csv');
    expect(draft).toMatchObject({ format: 'mapped-csv', header: ['a', 'b'] });
  });
});
