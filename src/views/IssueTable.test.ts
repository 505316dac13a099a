import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { feedIssue } from '../feeds/issueText';
import type { FeedIssue } from '../feeds/types';
import IssueTable from './IssueTable.svelte';

const issues: FeedIssue[] = Array.from({ length: 25 }, (_, i) => ({
  feed: 'synthetic-feed',
  row: i + 2,
  column: 'value',
  reason: `not a number: "x${i}"`,
}));

const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent);

describe('IssueTable', () => {
  it('lists row, column and reason of the first 20 problems, then counts the others', () => {
    const { container } = render(IssueTable, { issues });
    const headers = [...container.querySelectorAll('th')].map((th) => th.textContent);
    expect(headers).toEqual(['Ligne', 'Colonne', 'Problème']);
    const rows = container.querySelectorAll('tr.issue-row');
    expect(rows).toHaveLength(20);
    expect(cells(rows[0]!)).toEqual(['2', 'value', 'not a number: "x0"']);
    // A reason stored before issues had codes is English, and says so.
    expect(rows[0]!.querySelector('td:last-child')?.getAttribute('lang')).toBe('en');
    expect(container.textContent).toContain('… et 5 autres problèmes');
  });

  it('words a coded problem in the page’s language', () => {
    const { container } = render(IssueTable, {
      issues: [
        feedIssue('f', 'value.notANumber', { value: 'beaucoup' }, { row: 7, column: 'Valeur' }),
      ],
    });
    const row = container.querySelector('tr.issue-row')!;
    expect(cells(row)).toEqual(['7', 'Valeur', '« beaucoup » n’est pas un nombre']);
    expect(row.querySelector('td:last-child')?.hasAttribute('lang')).toBe(false);
  });

  it('names each problem’s feed when asked, and shows up to `max` rows', () => {
    const { container } = render(IssueTable, {
      issues: [...issues, { feed: 'other', reason: 'empty file' }],
      max: 100,
      withFeed: true,
    });
    expect(container.querySelector('th')?.textContent).toBe('Flux');
    const rows = container.querySelectorAll('tr.issue-row');
    expect(rows).toHaveLength(26);
    expect(cells(rows[25]!)).toEqual(['other', '—', '—', 'empty file']);
    expect(container.textContent).not.toContain('autres problèmes');
  });
});

describe('IssueTable, workbook problems', () => {
  it('words the spreadsheet reader’s problems in the reader’s language', () => {
    const sheetIssue = {
      feed: 'synthetic-book',
      code: 'sheet.encrypted',
      params: { file: 'synthetic.xlsx' },
      reason: 'English reason',
    } as unknown as FeedIssue;
    const { container } = render(IssueTable, { issues: [sheetIssue] });
    const cell = container.querySelector('tr.issue-row td:last-child');
    expect(cell?.textContent).toMatch(/^« synthetic\.xlsx » est protégé par un mot de passe/);
    expect(cell?.getAttribute('lang')).toBeNull();
  });
});
