import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../../test/synthetic';
import { cumulativeFigures, projectTarget } from '../../model/activation';
import TargetProgress from './TargetProgress.svelte';
import ThinDataNotice from './ThinDataNotice.svelte';

const NNBSP = '\u202f';
// Synthetic counts: made up for the test, never published figures.
const activated = (period: string, value: number, qualifier: '=' | '>' = '=') =>
  syntheticObservation({
    indicator: 'mes_profiles_activated',
    geo: 'REG-53',
    period,
    value,
    qualifier,
  });

function renderTarget(observations: ReturnType<typeof activated>[], target: number | undefined) {
  const projection = projectTarget(cumulativeFigures(observations, 'REG-53'), target, {
    today: new Date('2024-08-15T00:00:00Z'),
  });
  return render(TargetProgress, {
    props: { id: 'user', title: 'Objectif Bretagne', geo: 'REG-53', projection, lang: 'fr' },
  });
}

describe('TargetProgress', () => {
  const series = [
    activated('2024-01-31', 1_000_000),
    activated('2024-04-30', 1_150_000),
    activated('2024-07-31', 1_300_000),
  ];

  it('draws the share of the target as a progress bar, with the gap and the latest figure’s date and source', () => {
    const { container } = renderTarget(series, 2_000_000);
    const bar = container.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('65');
    expect(bar.getAttribute('aria-valuetext')).toMatch(/^65\s% de l’objectif/);
    expect((container.querySelector('.bar-fill') as HTMLElement).style.width).toBe('65%');
    expect(container.querySelector('.progress-gap')?.textContent).toBe(
      `Reste à activer : 700${NNBSP}000 profils.`,
    );
    const asOf = container.querySelector('.progress-asof')!;
    expect(asOf.textContent).toContain(`1${NNBSP}300${NNBSP}000 le 31 juil. 2024`);
    expect(asOf.querySelector('a')?.getAttribute('href')).toBe(
      'https://example.org/synthetic-source',
    );
    expect(container.querySelector('.projection')?.textContent).toMatch(
      /^Au rythme des derniers chiffres \(50\u202f000 par mois, sur les 3 derniers mois\), l’objectif serait atteint vers .+ 2025\.$/,
    );
    expect(container.querySelector('section')?.dataset.status).toBe('projected');
  });

  it('says in a plain sentence when the data is too thin to project, and draws no date', () => {
    const { container } = renderTarget([activated('2024-07-31', 1_300_000)], 2_000_000);
    expect(container.querySelector('section')?.dataset.status).toBe('too-thin');
    expect(container.querySelector('.thin-sentence')?.textContent).toBe(
      'Trop peu de données pour projeter : il faut au moins deux chiffres cumulés de profils activés pour Bretagne, et les données en contiennent 1.',
    );
    expect(container.querySelector('.projection')).toBeNull();
    // The one figure there is still shows how far the target is.
    expect(container.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe(
      '65',
    );
  });

  it('with no figure at all, shows no bar and no number, only the sentence', () => {
    const { container } = renderTarget([], 2_000_000);
    expect(container.querySelector('[role="progressbar"]')).toBeNull();
    expect(container.querySelector('.thin-sentence')?.textContent).toContain('en contiennent 0');
  });

  it('shows nothing but its title when no target is set', () => {
    const { container } = renderTarget(series, undefined);
    expect(container.querySelector('section')?.dataset.status).toBe('no-target');
    expect(container.querySelector('[role="progressbar"]')).toBeNull();
    expect(container.querySelectorAll('p')).toHaveLength(0);
  });

  it('carries a "more than" latest figure into the share and the gap', () => {
    const { container } = renderTarget(
      [activated('2024-01-31', 1_000_000), activated('2024-07-31', 1_300_000, '>')],
      2_000_000,
    );
    expect(container.querySelector('.progress-share')?.textContent).toMatch(
      /^plus de 65\s% de l’objectif/,
    );
    expect(container.querySelector('.progress-gap')?.textContent).toContain(
      `moins de 700${NNBSP}000`,
    );
  });
});

describe('ThinDataNotice', () => {
  it('says how many figures the place has and links to the feeds page', () => {
    const { container } = render(ThinDataNotice, {
      props: { geo: 'REG-44', counts: { activated: 0, open: 1, rate: 1 }, lang: 'fr' },
    });
    expect(container.querySelector('h2')?.textContent).toBe('Peu de données pour Grand Est');
    expect(container.textContent).toContain(
      '0 chiffre de profils activés, 1 chiffre de profils ouverts et 1 taux d’activation publié',
    );
    expect(container.textContent).not.toContain('(s)');
    expect(container.querySelector('a')?.getAttribute('href')).toMatch(/^#\/feeds/);
  });
});
