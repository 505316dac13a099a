import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticPoint } from '../../test/synthetic';
import { askTurn, renderAllNow, renderInTurns } from '../lib/renderQueue';
import TimeChart from './TimeChart.svelte';
import { deferredTables, showTablesNow } from './deferredTables.svelte';

/** Resolves in the turn after the ones already asked for. */
const nextTurn = () => new Promise<void>((resolve) => askTurn(resolve));

const chart = (id: string) =>
  render(TimeChart, {
    props: {
      id,
      title: `Synthetic ${id}`,
      series: [
        {
          key: 'a',
          label: 'Série synthétique',
          points: [syntheticPoint('2025-01', 10), syntheticPoint('2025-02', 12)],
        },
      ],
      unit: 'count',
      lang: 'fr',
    },
  }).container;

const tableRows = (container: Element) => container.querySelectorAll('.chart-table tbody tr');

afterEach(() => {
  renderAllNow();
  renderInTurns(false);
});

describe('deferred tables in the app', () => {
  it('renders each chart’s table in a turn of its own once the tables are due, not with the flag', async () => {
    renderInTurns(true);
    const first = chart('synthetic-first');
    const second = chart('synthetic-second');
    await nextTurn();
    expect(tableRows(first)).toHaveLength(0);

    deferredTables.shown = true;
    flushSync();
    expect(tableRows(first)).toHaveLength(0);
    expect(tableRows(second)).toHaveLength(0);

    await nextTurn();
    expect(tableRows(first)).toHaveLength(2);
    expect(tableRows(second)).toHaveLength(2);
  });

  it('renders every waiting table at once before printing', () => {
    renderInTurns(true);
    const container = chart('synthetic-print');
    showTablesNow();
    expect(tableRows(container)).toHaveLength(2);
  });
});
