// The monthly table in the app: a dozen rows a turn, all of them once the page is whole.
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { allRendered, renderAllNow, renderInTurns } from '../../lib/renderQueue';
import type { MonthlyRow } from './activationView';
import MonthlyTable, { MONTHLY_ROWS_A_TURN } from './MonthlyTable.svelte';

/** Synthetic rows: made-up months and counts, not published figures. */
const rows: MonthlyRow[] = Array.from({ length: 30 }, (_, i) => ({
  kind: i % 3 ? 'average' : 'published',
  period: `synthetic month ${i + 1}`,
  perMonth: String(1000 + i),
  how: 'synthetic',
  inconsistent: false,
  sources: [{ url: 'https://example.org/synthetic-source', label: 'synthetic source' }],
}));

const shownPeriods = (container: HTMLElement) =>
  [...container.querySelectorAll('tr.data-row td:first-child')].map((td) => td.textContent);

afterEach(() => {
  renderAllNow();
  renderInTurns(false);
});

describe('MonthlyTable', () => {
  it('renders every row at once outside the app (server render, component tests)', () => {
    const { container } = render(MonthlyTable, { props: { caption: 'c', rows, lang: 'fr' } });
    expect(shownPeriods(container)).toEqual(rows.map((r) => r.period));
  });

  it('builds its rows a dozen a turn in the app, in order, all of them in the end', async () => {
    renderInTurns(true);
    const { container } = render(MonthlyTable, { props: { caption: 'c', rows, lang: 'fr' } });
    expect(MONTHLY_ROWS_A_TURN).toBe(12);
    expect(shownPeriods(container)).toEqual(rows.slice(0, 12).map((r) => r.period));
    await allRendered();
    expect(shownPeriods(container)).toEqual(rows.map((r) => r.period));
  });
});
