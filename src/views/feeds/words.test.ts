import { afterEach, describe, expect, it } from 'vitest';
import { en, fr } from '../../lib/messages/feeds';
import { i18n } from '../../lib/i18n.svelte';
import { addressProblemText, countText, skipHeadline } from './words';

afterEach(() => i18n.setLang('fr'));

const summary = {
  rowsRead: 2304,
  rowsSkipped: 180,
  skipped: [
    {
      reason: 'place.unknownCode' as const,
      column: 'Code région',
      value: '07',
      count: 90,
      firstLines: [5],
    },
    {
      reason: 'place.unknownCode' as const,
      column: 'Code région',
      value: '08',
      count: 90,
      firstLines: [6],
    },
  ],
};

describe('feeds words', () => {
  it('says rows read and skipped, by value, with French numbers and plurals', () => {
    expect(skipHeadline(summary)).toBe(
      '2\u202f304 lignes lues, 180 ignorées\u00a0: Code région (code inconnu)\u00a0: 07 (90), 08 (90)',
    );
    expect(skipHeadline({ rowsRead: 1, rowsSkipped: 0, skipped: [] })).toBe('1 ligne lue');
    expect(countText('feeds.report.rowsSkipped', 1)).toBe('1 ignorée');
  });

  it('speaks English under lang=en', () => {
    i18n.setLang('en');
    expect(skipHeadline(summary)).toBe(
      '2,304 rows read, 180 skipped: Code région (unknown code): 07 (90), 08 (90)',
    );
    expect(addressProblemText('http://example.org/x')).toMatch(/^only https:\/\/ addresses/);
    expect(addressProblemText('https://example.org/x')).toBe('');
  });

  it('agrees every counted message with its count, in both languages', () => {
    // A count outside a `.one` / `.other` pair would read « 1 problèmes »; only the list title's
    // number stands apart, in brackets.
    for (const messages of [fr, en]) {
      const unpaired = Object.entries(messages).filter(
        ([key, text]) => /\{(count|rows)\}/.test(text) && !/\.(one|other)$/.test(key),
      );
      expect(
        unpaired.map(([key]) => key).filter((k) => !k.startsWith('feeds.report.skipped')),
      ).toEqual(['feeds.listTitle']);
    }
    expect(countText('feeds.invalid', 1)).toBe(
      'Le fichier n’est pas valide (1 problème). Rien n’a été enregistré.',
    );
    expect(countText('feeds.invalid', 3)).toContain('(3 problèmes)');
    expect(countText('feeds.importDone', 1)).toBe('1 flux importé.');
    expect(countText('feeds.saved', 1, { name: 'ARS' })).toBe(
      'Flux « ARS » enregistré : 1 chiffre ajouté aux données.',
    );
    expect(countText('feeds.saved', 12_500, { name: 'ARS' })).toContain(
      '12\u202f500 chiffres ajoutés',
    );
    expect(countText('feeds.rows', 1)).toBe('1 chiffre');
    expect(countText('feeds.previewCaption', 1)).toBe('La première ligne, telle qu’elle a été lue');
    i18n.setLang('en');
    expect(countText('feeds.importDone', 1)).toBe('1 feed imported.');
    expect(countText('feeds.invalid', 2)).toContain('(2 problems)');
  });
});
