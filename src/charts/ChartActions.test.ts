import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticPoint } from '../../test/synthetic';
import { parseViewState } from '../lib/urlState';
import ChartActions from './ChartActions.svelte';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
function renderActions(
  extra: { embeddable?: boolean; lang?: 'fr' | 'en'; drawn?: boolean; sourceUrl?: string } = {},
) {
  return render(ChartActions, {
    props: {
      id: 'mes-rate',
      title: 'Synthetic profiles',
      unit: 'count',
      series: [
        {
          key: 'a',
          label: 'A',
          points: [
            syntheticPoint('2022-01', 10),
            syntheticPoint('2022-02', 12, {
              sourceUrl: extra.sourceUrl ?? '',
              sourceLabel: 'Synthetic publisher without an address',
            }),
          ],
        },
      ],
      lang: extra.lang ?? 'fr',
      embeddable: extra.embeddable ?? true,
      figure: extra.drawn === false ? undefined : () => undefined,
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
      'PNG 1200×630',
      'Intégrer',
      'Citer',
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
    expect(
      getByRole('button', { name: 'Embed “Synthetic profiles” in another site' }),
    ).toBeTruthy();
  });

  it('offers only the data, the embed and the citation for a chart with no single drawing', () => {
    const { getByRole } = renderActions({ drawn: false });
    const group = getByRole('group');
    expect(
      [...group.querySelectorAll('button')].map((b) => b.dataset.format ?? b.dataset.action),
    ).toEqual(['csv', 'embed', 'cite']);
  });

  it('gives the embed code and link of this chart, each with a copy button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { getByRole, findByTestId, findByText } = renderActions();
    const embed = getByRole('button', { name: /Intégrer/ });
    expect(embed.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(embed);
    const link = (await findByTestId('embed-link')) as HTMLInputElement;
    expect(embed.getAttribute('aria-expanded')).toBe('true');
    const url = new URL(link.value);
    const state = parseViewState(url.search, url.hash);
    expect(state.embed).toBe(true);
    expect(state.chart).toBe('mes-rate');
    // The language shown, though the address named none: the embed keeps its words.
    expect(state.lang).toBe('fr');
    const code = ((await findByTestId('embed-code')) as HTMLTextAreaElement).value;
    expect(code).toContain(`src="${link.value.replace(/&/g, '&amp;')}"`);
    expect(code).toContain('data-segur-pulse-chart="mes-rate"');
    expect(code).toContain('segur-pulse:height');

    await fireEvent.click(getByRole('button', { name: 'Copier le code' }));
    await findByText('Copié.');
    expect(writeText).toHaveBeenLastCalledWith(code);
    await fireEvent.click(getByRole('button', { name: 'Copier le lien' }));
    expect(writeText).toHaveBeenLastCalledWith(link.value);
  });

  it('says so when the clipboard is refused, the text staying in its field', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { getByRole, findByTestId, findByText } = renderActions();
    await fireEvent.click(getByRole('button', { name: /Intégrer/ }));
    const field = (await findByTestId('embed-link')) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    await fireEvent.click(getByRole('button', { name: 'Copier le lien' }));
    await findByText(/La copie a été refusée/);
    expect(field.value).toContain('embed=1');
  });

  it('cites the chart: title, publisher, sources (a label without an address too), date, permalink', async () => {
    const { getByRole, findByTestId } = renderActions();
    await fireEvent.click(getByRole('button', { name: /Citer/ }));
    const citation = ((await findByTestId('citation')) as HTMLTextAreaElement).value;
    expect(citation).toMatch(/^« Synthetic profiles », Ségur Pulse, d’après /);
    expect(citation).toContain('synthetic source (https://example.org/synthetic-source)');
    expect(citation).toContain(' ; Synthetic publisher without an address.');
    expect(citation).toMatch(/Consulté le \d{1,2} \S+ \d{4}\./);
    const permalink = new URL(citation.split(' ').at(-1)!);
    expect(permalink.searchParams.get('embed')).toBeNull();
  });

  it('offers no embed where the page cannot show the chart alone', () => {
    expect(
      renderActions({ embeddable: false }).queryByRole('button', { name: /Intégrer/ }),
    ).toBeNull();
    cleanup();
  });

  it('does nothing for a picture when the chart is not drawn', async () => {
    const { getByRole, container } = renderActions();
    await fireEvent.click(getByRole('button', { name: /^Télécharger en PNG l’image/ }));
    await waitFor(() => expect(container.querySelector('[role="status"]')!.textContent).toBe(''));
  });
});
