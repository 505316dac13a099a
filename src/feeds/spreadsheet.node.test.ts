// @vitest-environment node
/** The reader under plain Node, as `npm run validate-feed` runs it (tsx), without happy-dom. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { detectHeaderRow, readWorkbook, sheetTable } from './spreadsheet';

it('reads the synthetic ARS workbook under Node', async () => {
  expect(typeof document).toBe('undefined');
  const file = resolve(
    import.meta.dirname,
    '../../test/fixtures/feeds/synthetic-ars-workbook.xlsx',
  );
  const book = await readWorkbook(
    new Uint8Array(readFileSync(file)),
    'synthetic-ars-workbook.xlsx',
  );
  const sheet = book.sheets[0]!;
  const table = sheetTable(sheet, detectHeaderRow(sheet.rows));
  expect(table.rows[0]).toEqual({
    line: 5,
    cells: ['Guadeloupe', '01', '2025-01', '101000', '21210'],
  });
});
