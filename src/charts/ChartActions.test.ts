import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticPoint } from '../../test/synthetic';
import { parseViewState } from '../lib/urlState';
import ChartActions from './ChartActions.svelte';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
function renderActions(extra: { embedLink?: boolean; lang?: 'fr' | 'en'; id?: string } = {}) {
  return render(ChartActions, {
    props: {
      // An Overview chart id (embeddable); the figures are synthetic.
      id: extra.id ?? 'mes-rate',
      title: 'Synthetic profiles',
      unit: 'count',
      series: [{ key: 'a', label: 'A', points: [syntheticPoint('2022-01', 10)] }],
      lang: extra.lang ?? 'fr',
      embedLink: extra.embedLink,
      figure: () => undefined,
    },
  });
}

describe('ChartActions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('names each button with what it does to which chart, visible text included', () => {
    const { getByRole } = renderActions();
    const group = getByRole('group', { name: 'Partager le graphique « Synthetic profiles »' });
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual([
      'CSV',
      'SVG',
      'PNG',
      'Lien d’intégration',
    ]);
    for (const button of buttons) {
      const name = button.getAttribute('aria-label') ?? '';
      expect(name).toContain('Synthetic profiles');
      expect(name.toLowerCase()).toContain(button.textContent!.trim().toLowerCase());
    }
  });

  it('speaks English when asked', () => {
    const { getByRole } = renderActions({ lang: 'en' });
    expect(
      getByRole('button', { name: 'Download the data of “Synthetic profiles” as CSV' }),
    ).toBeTruthy();
  });

  it('copies an embed link of this chart and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { getByRole, findByText } = renderActions();
    await fireEvent.click(getByRole('button', { name: /lien d’intégration/i }));
    await findByText('Lien d’intégration copié.');
    const url = new URL(writeText.mock.calls[0]![0] as string);
    const state = parseViewState(url.search, url.hash);
    expect(state.embed).toBe(true);
    expect(state.chart).toBe('mes-rate');
  });

  it('shows the link to copy by hand when the clipboard is refused', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { getByRole, findByLabelText } = renderActions();
    await fireEvent.click(getByRole('button', { name: /lien d’intégration/i }));
    const field = (await findByLabelText(/Copiez ce lien/)) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(field.value).toContain('embed=1');
    expect(field.value).toContain('chart=mes-rate');
  });

  it('offers no embed link inside an embed, nor for a chart the embed view cannot show', () => {
    expect(
      renderActions({ embedLink: false }).queryByRole('button', { name: /intégration/ }),
    ).toBeNull();
    cleanup();
    expect(
      renderActions({ id: 'region-map' }).queryByRole('button', { name: /intégration/ }),
    ).toBeNull();
  });

  it('does nothing when the chart is not drawn', async () => {
    const { getByRole, container } = renderActions();
    await fireEvent.click(getByRole('button', { name: /CSV/ }));
    await waitFor(() => expect(container.querySelector('[role="status"]')!.textContent).toBe(''));
  });
});
