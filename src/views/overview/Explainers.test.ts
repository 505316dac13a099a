import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.svelte';
import Explainers from './Explainers.svelte';

afterEach(() => i18n.setLang('fr'));

describe('Explainers', () => {
  it('explains Mon espace santé, the DMP and INSi, and what each chart shows', () => {
    const { container } = render(Explainers);
    const articles = [...container.querySelectorAll('article[data-explainer]')];
    expect(articles.map((a) => a.getAttribute('data-explainer'))).toEqual(['mes', 'dmp', 'insi']);
    expect(articles.map((a) => a.querySelector('h3')?.textContent)).toEqual([
      'Mon espace santé',
      'DMP (dossier médical partagé)',
      'INS et INSi',
    ]);
    for (const a of articles)
      expect(a.querySelector('.explainer-chart')?.textContent).toMatch(/graphique/);
  });

  it('says it in English with the toggle', async () => {
    i18n.setLang('en');
    const { container } = render(Explainers);
    expect(container.querySelector('h2')?.textContent).toBe('What these are');
    expect(container.querySelector('[data-explainer="dmp"] h3')?.textContent).toBe(
      'DMP (shared medical record)',
    );
  });
});
