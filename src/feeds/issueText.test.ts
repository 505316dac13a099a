import { describe, expect, it } from 'vitest';
import {
  ISSUE_TEXTS,
  SKIP_TEXTS,
  describeIssue,
  feedIssue,
  issueSentence,
  skipSummary,
  skippedLines,
} from './issueText';
import type { FeedIssue, SkippedRows } from './types';

describe('issue texts', () => {
  it('give every code a French and an English text with the same parameters', () => {
    for (const [code, texts] of Object.entries(ISSUE_TEXTS)) {
      expect(texts.fr.trim(), code).not.toBe('');
      expect(texts.en.trim(), code).not.toBe('');
      const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(texts.fr), code).toEqual(names(texts.en));
    }
    for (const [reason, texts] of Object.entries(SKIP_TEXTS)) {
      expect(texts.fr && texts.en, reason).toBeTruthy();
    }
  });

  it('word an issue in French or English, numbers through Intl', () => {
    const issue = feedIssue(
      'user-ars',
      'value.activatedAboveOpen',
      { value: 1250000, open: 1200000, line: 14 },
      { row: 15, column: 'Nombre de profils MES activés' },
    );
    expect(issue.reason).toBe(
      '1250000 profiles activated is more than the 1200000 open at the same date (row 14)',
    );
    expect(describeIssue(issue, 'en')).toBe(
      '1,250,000 profiles activated is more than the 1,200,000 open at the same date (row 14)',
    );
    expect(describeIssue(issue, 'fr')).toBe(
      '1\u202f250\u202f000 profils activés, c’est plus que les 1\u202f200\u202f000 ouverts à la même date (ligne 14)',
    );
    expect(issueSentence(issue, 'fr')).toBe(
      `flux « user-ars », ligne 15, colonne « Nombre de profils MES activés »\u00a0: ${describeIssue(issue, 'fr')}`,
    );
    expect(issueSentence(issue, 'en', { feed: false })).toBe(
      `line 15, column "Nombre de profils MES activés": ${describeIssue(issue, 'en')}`,
    );
  });

  it('word date and workbook problems in the words of dates.ts and spreadsheet.ts', () => {
    const date = feedIssue('f', 'date.noSuchMonth', { raw: '13/2025', month: 13 }, { row: 4 });
    expect(date.reason).toBe('"13/2025" is not a date: there is no month 13');
    expect(describeIssue(date, 'fr')).toBe(
      '« 13/2025 » n’est pas une date : il n’y a pas de mois 13',
    );
    const sheet = feedIssue('f', 'sheet.noSheets', { file: 'x.xlsx' });
    expect(describeIssue(sheet, 'fr')).toBe('« x.xlsx » ne contient aucune feuille');
    expect(sheet.reason).toBe('"x.xlsx" holds no sheet');
  });

  it('show a report stored before codes existed by its reason', () => {
    const old: FeedIssue = { feed: 'f', row: 3, column: 'value', reason: '"x" is not a number' };
    expect(describeIssue(old, 'fr')).toBe('"x" is not a number');
    expect(describeIssue({ ...old, code: 'value.notANumber', params: { value: 'x' } }, 'fr')).toBe(
      '« x » n’est pas un nombre',
    );
  });
});

describe('skip summary', () => {
  const skipped: SkippedRows[] = [
    { reason: 'place.unknownCode', column: 'Code région', value: '07', count: 90, firstLines: [2] },
    { reason: 'place.unknownCode', column: 'Code région', value: '08', count: 90, firstLines: [3] },
    { reason: 'place.empty', column: 'Code région', value: '', count: 2, firstLines: [9] },
    { reason: 'value.empty', column: 'Activés', value: '', count: 12, firstLines: [4] },
  ];
  it('says how many rows were read and skipped, and why, by value', () => {
    expect(skipSummary({ rowsRead: 2304, rowsSkipped: 182, skipped }, 'fr')).toBe(
      '2\u202f304 lignes lues, 182 ignorées\u00a0: Code région (code inconnu)\u00a0: 07 (90), 08 (90)\u00a0; Code région (lieu vide)\u00a0: (vide) (2)\u00a0; Activés (valeur vide (non publiée))\u00a0: 12',
    );
    expect(skippedLines(skipped, 'en')[0]).toBe('Code région (unknown code): 07 (90), 08 (90)');
    expect(skipSummary({ rowsRead: 3, rowsSkipped: 0, skipped: [] }, 'en')).toBe(
      '3 rows read, 0 skipped',
    );
  });
});
