import { afterEach, describe, expect, it } from 'vitest';
import '../../lib/messages/feeds';
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
});
