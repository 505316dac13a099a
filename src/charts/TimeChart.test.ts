import { fireEvent, render } from '@testing-library/svelte';
import type { ComponentProps } from 'svelte';
import { syntheticPoint } from '../../test/synthetic';
import { describe, expect, it, vi } from 'vitest';
import type { Qualifier } from '../feeds/types';
import type { SeriesPoint } from '../model/series';
import TimeChart from './TimeChart.svelte';

const NNBSP = '\u202f';

function renderChart(
  series: ComponentProps<typeof TimeChart>['series'],
  extra: Partial<ComponentProps<typeof TimeChart>> = {},
) {
  return render(TimeChart, {
    props: {
      id: 'synthetic-chart',
      title: 'Synthetic profiles',
      series,
      unit: 'count',
      lang: 'fr',
      ...extra,
    },
  });
}

function translation(el: Element): { x: number; y: number } {
  const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(el.getAttribute('transform') ?? '');
  if (!m) throw new Error(`no translate on ${el.outerHTML}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

const points = (c: HTMLElement) => [...c.querySelectorAll<SVGGElement>('.point')];
const tooltip = (c: HTMLElement) => c.querySelector('[role="tooltip"]');

describe('TimeChart', () => {
  const qualified: SeriesPoint[] = [
    syntheticPoint('2021-09', 1_000_000, { qualifier: '=' }),
    syntheticPoint('2022-03', 5_000_000, { qualifier: '~' }),
    syntheticPoint('2022-10-31', 17_000_000, { qualifier: '>', precision: 'month' }),
    syntheticPoint('2023-06', 20_000_000, { qualifier: '<' }),
  ];

  it('draws one focusable point per observation, with its series, qualifier and period', () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const els = points(container);
    expect(els).toHaveLength(4);
    expect(els.map((e) => e.dataset.qualifier)).toEqual(['=', '~', '>', '<']);
    expect(els.map((e) => e.dataset.period)).toEqual([
      '2021-09',
      '2022-03',
      '2022-10-31',
      '2023-06',
    ]);
    for (const el of els) {
      expect(el.dataset.series).toBe('open');
      expect(el.getAttribute('tabindex')).toBe('0');
      expect(el.getAttribute('role')).toBe('button');
    }
  });

  it('gives each qualifier a different shape', () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const mark = (q: Qualifier) =>
      container.querySelector(`.point[data-qualifier="${q}"] .mark`) as SVGElement;
    expect(mark('=').tagName.toLowerCase()).toBe('circle');
    expect(mark('=').getAttribute('fill')).not.toBe('#FFFFFF');
    expect(mark('~').tagName.toLowerCase()).toBe('circle');
    expect(mark('~').getAttribute('fill')).toBe('#FFFFFF');
    expect(Number(mark('~').getAttribute('stroke-width'))).toBeGreaterThanOrEqual(2);
    expect(mark('>').tagName.toLowerCase()).toBe('path');
    expect(mark('<').tagName.toLowerCase()).toBe('path');
    expect(mark('>').classList.contains('mark-up')).toBe(true);
    expect(mark('<').classList.contains('mark-down')).toBe(true);
    expect(mark('>').getAttribute('d')).not.toBe(mark('<').getAttribute('d'));
  });

  it('places points by true time distance and by value from a zero baseline', () => {
    const { container } = renderChart([
      {
        key: 's',
        label: 'Synthetic',
        points: [
          syntheticPoint('2020-01', 10),
          syntheticPoint('2022-01', 20),
          syntheticPoint('2022-02', 30),
        ],
      },
    ]);
    const [a, b, c] = points(container).map(translation) as [
      { x: number; y: number },
      { x: number; y: number },
      { x: number; y: number },
    ];
    const twoYears = b.x - a.x;
    const oneMonth = c.x - b.x;
    expect(oneMonth).toBeGreaterThan(0);
    // 731 days against 31: evenly spaced points would make these equal.
    expect(twoYears / oneMonth).toBeCloseTo(731 / 31, 0);
    expect(b.y).toBeLessThan(a.y);
    expect(c.y).toBeLessThan(b.y);
    const yLabels = [...container.querySelectorAll('.axis-y text')].map((t) => t.textContent);
    expect(yLabels[0]).toBe('0');
  });

  it('labels the time axis in French with real years', () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const labels = [...container.querySelectorAll('.axis-x text')].map((t) => t.textContent);
    expect(labels).toContain('2022');
    expect(labels).toContain('2023');
  });

  it('summarises the chart in the image label', () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const img = container.querySelector('svg[role="img"]');
    expect(img?.getAttribute('aria-label')).toBe(
      'Synthetic profiles : 4 points, de sept. 2021 à juin 2023',
    );
  });

  it('falls back to a width when the container has no layout', () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    expect(container.querySelector('svg[role="img"]')?.getAttribute('viewBox')).toBe('0 0 640 280');
  });

  it('joins the points of a series with one light dashed connector', () => {
    const { container } = renderChart([
      { key: 'a', label: 'A', points: qualified },
      { key: 'b', label: 'B', points: [syntheticPoint('2022-01', 3)] },
    ]);
    const connectors = container.querySelectorAll('.connector');
    expect(connectors).toHaveLength(1);
    expect(connectors[0]?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(connectors[0]?.getAttribute('data-series')).toBe('a');
  });

  it('colours series differently and lists them in the legend', () => {
    const { container } = renderChart([
      { key: 'a', label: 'Série A', points: [syntheticPoint('2022-01', 1)] },
      { key: 'b', label: 'Série B', points: [syntheticPoint('2022-01', 2)] },
    ]);
    const fill = (key: string) =>
      container.querySelector(`.point[data-series="${key}"] .mark`)?.getAttribute('fill');
    expect(fill('a')).not.toBe(fill('b'));
    const legend = container.querySelector('.legend');
    expect(legend?.textContent).toContain('Série A');
    expect(legend?.textContent).toContain('Série B');
  });

  it('explains only the qualifiers present in the data', () => {
    const { container } = renderChart([
      {
        key: 's',
        label: 'S',
        points: [syntheticPoint('2022-01', 1), syntheticPoint('2022-02', 2, { qualifier: '>' })],
      },
    ]);
    const items = [...container.querySelectorAll('.legend-qualifiers li')];
    expect(items.map((li) => li.getAttribute('data-qualifier'))).toEqual(['=', '>']);
    expect(items.map((li) => li.textContent?.trim())).toEqual(['= exact', '> plus de']);
  });

  it('has a table alternative with one row per point, qualified values and source links', async () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const details = container.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Voir les données');
    // The closed table is rendered once the page is idle after the first paint.
    await vi.waitFor(() => expect(container.querySelectorAll('tr.data-row')).toHaveLength(4));
    const rows = [...container.querySelectorAll('tr.data-row')];
    const cells = rows[2]!.querySelectorAll('td');
    expect(cells[0]?.textContent).toBe('Profils ouverts');
    expect(cells[1]?.textContent).toBe('oct. 2022');
    expect(cells[2]?.textContent).toBe(`plus de 17${NNBSP}000${NNBSP}000`);
    expect(cells[3]?.textContent).toBe('minimum (plus de)');
    const link = cells[4]?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/synthetic-source');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.textContent).toBe('synthetic source');
  });

  it('shows a tooltip on keyboard focus, with the qualified value, and hides it on Escape', async () => {
    const { container } = renderChart([
      {
        key: 'open',
        label: 'Profils ouverts',
        points: [
          syntheticPoint('2022-10-31', 17_000_000, {
            qualifier: '>',
            precision: 'month',
            note: 'synthetic compiler note: «fin octobre, plus de 17 millions»',
          }),
        ],
      },
    ]);
    const point = points(container)[0]!;
    expect(tooltip(container)).toBeNull();
    await fireEvent.focus(point);
    const tip = tooltip(container);
    expect(tip).not.toBeNull();
    const text = tip!.textContent ?? '';
    expect(text).toContain('Profils ouverts');
    expect(text).toContain('oct. 2022');
    expect(text).toContain(`plus de 17${NNBSP}000${NNBSP}000`);
    expect(text).toContain('minimum (plus de)');
    expect(text).toContain('Source : synthetic source');
    expect(text).toContain('« fin octobre, plus de 17 millions »');
    expect(text).not.toContain('compiler');
    expect(point.getAttribute('aria-describedby')).toBe(tip!.id);
    await fireEvent.keyDown(point, { key: 'Escape' });
    expect(tooltip(container)).toBeNull();
  });

  it('shows the tooltip on hover and on tap', async () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const [first, second] = points(container) as [SVGGElement, SVGGElement];
    await fireEvent.mouseEnter(first);
    expect(tooltip(container)?.textContent).toContain('sept. 2021');
    await fireEvent.mouseLeave(first);
    expect(tooltip(container)).toBeNull();
    await fireEvent.click(second);
    expect(tooltip(container)?.textContent).toContain('mars 2022');
    await fireEvent.pointerDown(document.body);
    expect(tooltip(container)).toBeNull();
  });

  it('labels each point for screen readers', () => {
    const { container } = renderChart([
      { key: 'act', label: 'Profils activés', points: [syntheticPoint('2022-10', 7_200_000)] },
    ]);
    expect(points(container)[0]?.getAttribute('aria-label')).toBe(
      `Profils activés, oct. 2022 : 7${NNBSP}200${NNBSP}000 (source : synthetic source)`,
    );
  });

  it('marks computed points and shows what they were computed from', async () => {
    const activated = syntheticPoint('2022-10', 7_200_000);
    const open = syntheticPoint('2022-10', 60_000_000, { qualifier: '>' });
    const rate = syntheticPoint('2022-10', 12, { derivedFrom: [activated, open], qualifier: '<' });
    const published = syntheticPoint('2023-01', 20);
    const { container } = renderChart([{ key: 'rate', label: 'Taux', points: [rate, published] }], {
      unit: 'percent',
    });
    const [derived, plain] = points(container) as [SVGGElement, SVGGElement];
    expect(derived.dataset.derived).toBe('true');
    expect(plain.hasAttribute('data-derived')).toBe(false);
    await fireEvent.focus(derived);
    expect(tooltip(container)?.textContent).toContain(
      `calculé : 7${NNBSP}200${NNBSP}000 (oct. 2022) / plus de 60${NNBSP}000${NNBSP}000 (oct. 2022)`,
    );
    expect(tooltip(container)?.textContent).toContain('moins de 12\u00a0%');
  });

  it('moves focus along a series with the arrow keys', async () => {
    const { container } = renderChart([
      { key: 'open', label: 'Profils ouverts', points: qualified },
    ]);
    const els = points(container);
    els[0]!.focus();
    await fireEvent.keyDown(els[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(els[1]);
    await fireEvent.keyDown(els[1]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(els[0]);
  });

  it('says "pas de données" instead of drawing an empty chart', () => {
    const { container } = renderChart([{ key: 'open', label: 'Profils ouverts', points: [] }]);
    expect(container.querySelector('.no-data')?.textContent).toBe('pas de données');
    expect(container.querySelector('svg')).toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toContain('Synthetic profiles');
  });

  it('speaks English when asked', async () => {
    const { container } = renderChart(
      [
        {
          key: 'open',
          label: 'Open profiles',
          points: [syntheticPoint('2022-10', 17_000_000, { qualifier: '>' })],
        },
      ],
      { lang: 'en' },
    );
    expect(container.querySelector('summary')?.textContent).toBe('Show data');
    await fireEvent.focus(points(container)[0]!);
    expect(tooltip(container)?.textContent).toContain('more than 17,000,000');
    expect(tooltip(container)?.textContent).toContain('Oct 2022');
  });

  it('renders untrusted feed text as text, never as markup', async () => {
    const evil = '<script>alert(1)</script>';
    const { container } = renderChart(
      [
        {
          key: 'evil',
          label: evil,
          points: [
            syntheticPoint('2022-01', 1, {
              sourceLabel: `<img src=x onerror=alert(1)>`,
              sourceUrl: 'javascript:alert(1)',
              note: evil,
            }),
          ],
        },
      ],
      { title: evil, description: evil },
    );
    await fireEvent.focus(points(container)[0]!);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toContain(evil);
    expect(tooltip(container)?.textContent).toContain(evil);
    await vi.waitFor(() => expect(container.querySelector('tr.data-row')).not.toBeNull());
    // A javascript: URL is not made into a link (the table included).
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('tr.data-row')?.textContent).toContain(
      '<img src=x onerror=alert(1)>',
    );
  });
});
