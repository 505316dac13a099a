import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, LANG_STORAGE_KEY, messages, t, translate } from './i18n.svelte';
// Every page's messages, as if every page had been opened.
import './messages/activation';
import './messages/feeds';
import './messages/regions';
import './messages/sources';

afterEach(() => {
  i18n.setLang('fr');
  localStorage.clear();
});

describe('messages', () => {
  it('has the same keys in every language', () => {
    const frKeys = Object.keys(messages.fr).sort();
    expect(Object.keys(messages.en).sort()).toEqual(frKeys);
  });

  it('has no empty message', () => {
    for (const dict of Object.values(messages)) {
      for (const [key, text] of Object.entries(dict)) expect(text, key).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(messages.fr) as (keyof typeof messages.fr)[]) {
      expect(placeholders(messages.en[key] ?? ''), key).toEqual(
        placeholders(messages.fr[key] ?? ''),
      );
    }
  });
});

describe('translate', () => {
  it('returns the message of the given language', () => {
    expect(translate('fr', 'chart.showTable')).toBe('Voir les données');
    expect(translate('en', 'chart.showTable')).toBe('Show data');
    expect(translate('fr', 'chart.noData')).toBe('pas de données');
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('fr', 'kpi.asOf', { date: 'oct. 2022' })).toBe('Date du chiffre : oct. 2022');
    expect(translate('en', 'chart.summary', { title: 'T', count: 3 })).toBe(
      'T: 3 points, from {from} to {to}',
    );
  });
});

describe('i18n', () => {
  it('defaults to French', () => {
    expect(i18n.lang).toBe('fr');
    expect(t('chart.noData')).toBe('pas de données');
  });

  it('setLang switches language, sets <html lang> and persists the choice', () => {
    i18n.setLang('en');
    expect(i18n.lang).toBe('en');
    expect(t('chart.noData')).toBe('no data');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
  });

  it('ignores a value that is not a language', () => {
    i18n.setLang('de' as never);
    expect(i18n.lang).toBe('fr');
  });

  it('is reactive: derived text follows the language', () => {
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(t('chart.showTable'));
      });
    });
    flushSync();
    i18n.setLang('en');
    flushSync();
    stop();
    expect(seen).toEqual(['Voir les données', 'Show data']);
  });
});
