import { render } from '@testing-library/svelte';
import { syntheticPoint } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import KpiCard from './KpiCard.svelte';

const NNBSP = '\u202f';

describe('KpiCard', () => {
  it('says "pas de données" when there is no figure, never 0', () => {
    const { container } = render(KpiCard, {
      props: {
        id: 'synthetic-kpi',
        label: 'Profils activés',
        point: undefined,
        unit: 'count',
        lang: 'fr',
      },
    });
    const card = container.querySelector('article.kpi');
    expect(card?.getAttribute('data-kpi-id')).toBe('synthetic-kpi');
    expect(card?.querySelector('.kpi-value')?.textContent).toBe('pas de données');
    expect(card?.textContent).not.toMatch(/\d/);
    expect(card?.querySelector('a')).toBeNull();
  });

  it('shows the qualified value, its date, its qualifier and its source', () => {
    const { container } = render(KpiCard, {
      props: {
        id: 'synthetic-kpi',
        label: 'Profils activés',
        point: syntheticPoint('2022-10-31', 17_000_000, { qualifier: '>' }),
        unit: 'count',
        lang: 'fr',
      },
    });
    expect(container.querySelector('.kpi-label')?.textContent).toBe('Profils activés');
    expect(container.querySelector('.kpi-value')?.textContent).toBe(
      `plus de 17${NNBSP}000${NNBSP}000`,
    );
    expect(container.querySelector('.kpi-date')?.textContent).toContain(
      'Date du chiffre : oct. 2022',
    );
    expect(container.querySelector('.kpi-qualifier')?.textContent).toBe('(minimum (plus de))');
    const link = container.querySelector('.kpi-source a');
    expect(link?.getAttribute('href')).toBe('https://example.org/synthetic-source');
    expect(link?.textContent).toBe('synthetic source');
  });

  it('does not name the qualifier of an exact figure', () => {
    const { container } = render(KpiCard, {
      props: {
        id: 'k',
        label: 'Taux',
        point: syntheticPoint('2024-01', 42.5),
        unit: 'percent',
        lang: 'en',
      },
    });
    expect(container.querySelector('.kpi-value')?.textContent).toBe('42.5%');
    expect(container.querySelector('.kpi-date')?.textContent?.trim()).toBe(
      'Date of the figure: Jan 2024',
    );
    expect(container.querySelector('.kpi-qualifier')).toBeNull();
  });

  it('says what a computed figure was computed from', () => {
    const inputs = [syntheticPoint('2022-10', 7_200_000), syntheticPoint('2022-10', 60_000_000)];
    const { container } = render(KpiCard, {
      props: {
        id: 'k',
        label: 'Taux',
        point: syntheticPoint('2022-10', 12, { derivedFrom: inputs }),
        unit: 'percent',
        lang: 'fr',
      },
    });
    expect(container.querySelector('.kpi-derived')?.textContent).toBe(
      `calculé : 7${NNBSP}200${NNBSP}000 (oct. 2022) / 60${NNBSP}000${NNBSP}000 (oct. 2022)`,
    );
  });

  it('does not link to an unsafe source URL', () => {
    const { container } = render(KpiCard, {
      props: {
        id: 'k',
        label: '<b>synthetic</b>',
        point: syntheticPoint('2022-10', 1, { sourceUrl: 'javascript:alert(1)', sourceLabel: 'x' }),
        unit: 'count',
        lang: 'fr',
      },
    });
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.kpi-label')?.textContent).toBe('<b>synthetic</b>');
  });
});
