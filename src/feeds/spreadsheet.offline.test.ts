/** The reader when the library's chunk cannot be fetched (offline before it was ever loaded). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it, vi } from 'vitest';
import type { SpreadsheetIssue } from './spreadsheet';
import { FeedError } from './types';

vi.mock('@e965/xlsx', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

it('reports that the workbook reader could not be loaded', async () => {
  const { readWorkbook, spreadsheetErrorText } = await import('./spreadsheet');
  const file = resolve(
    import.meta.dirname,
    '../../test/fixtures/feeds/synthetic-ars-workbook.xlsx',
  );
  const error = await readWorkbook(new Uint8Array(readFileSync(file)), 'export.xlsx').catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FeedError);
  const [issue] = (error as FeedError).issues as SpreadsheetIssue[];
  expect(issue).toMatchObject({ code: 'sheet.readerUnavailable', params: { file: 'export.xlsx' } });
  expect(spreadsheetErrorText('sheet.readerUnavailable', issue!.params, 'fr')).toBe(
    'le lecteur de classeurs n’a pas pu être chargé pour lire « export.xlsx » (hors connexion ?) : réessayez une fois connecté, ou enregistrez le fichier en CSV',
  );
});
