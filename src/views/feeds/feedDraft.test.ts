import { caughtFeedError } from '../../../test/synthetic';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../feeds/ingest';
import { draftConfig, initialChoices, mappingFromChoices, readDraft } from './feedDraft';

// Synthetic files: made-up figures at example.org.
const SRC = 'https://example.org/synthetic/draft';
const enc = (s: string) => new TextEncoder().encode(s);
const today = new Date('2026-11-22');

describe('readDraft', () => {
  it('reads a semicolon CSV for preview, as mapped CSV', () => {
    const draft = readDraft(
      enc('Date;Code région;Valeur\n31/01/2024;53;1 000\n29/02/2024;84;2 000\n'),
      'export.csv',
    );
    expect(draft).toMatchObject({
      name: 'export.csv',
      format: 'mapped-csv',
      header: ['Date', 'Code région', 'Valeur'],
      rows: [
        ['31/01/2024', '53', '1 000'],
        ['29/02/2024', '84', '2 000'],
      ],
      tidy: false,
    });
  });

  it('recognises the tidy format', () => {
    const draft = readDraft(
      enc(
        `indicator,breakdown,geo,period,precision,value,qualifier,source_url,source_label,note\nmes_profiles_open,,FR,2024-01,month,1,=,${SRC},x,\n`,
      ),
      'tidy.csv',
    );
    expect(draft).toMatchObject({ format: 'tidy-csv', tidy: true });
  });

  it('reads a JSON array (keys as columns, the API’s __id left out)', () => {
    const draft = readDraft(
      enc(
        JSON.stringify([
          { __id: 1, mois: '2024-01', n: 5, extra: null },
          { __id: 2, mois: '2024-02', n: 6, extra: { a: 1 } },
        ]),
      ),
      'x.json',
      'https://tabular-api.data.gouv.fr/api/resources/synthetic/data/',
    );
    expect(draft).toMatchObject({
      format: 'datagouv-tabular',
      header: ['mois', 'n', 'extra'],
      rows: [
        ['2024-01', '5', ''],
        ['2024-02', '6', '{"a":1}'],
      ],
    });
    expect(readDraft(enc('[{"a": 1}]'), 'x.json', 'https://example.org/x.json').format).toBe(
      'json-array',
    );
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html><p>404</p>', /HTML or XML page/],
    ['an empty file', '', /the file is empty/],
    ['broken JSON', '[{"a":', /not valid JSON/],
  ])('refuses %s, naming the file', (_name, text, reason) => {
    const e = caughtFeedError(() => readDraft(enc(text), 'bad.csv'));
    expect(e.message).toContain('feed "bad.csv"');
    expect(e.issues[0]!.reason).toMatch(reason);
  });
});

describe('choices and config', () => {
  const bytes = enc('Date;Code région;Valeur\n31/01/2024;53;1 000\n29/02/2024;84;2 000\n');

  it('starts from the guesses and makes a mapping parseFeed accepts once completed', () => {
    const draft = readDraft(bytes, 'export.csv');
    const { choices } = initialChoices(draft);
    expect(choices.geo).toEqual({
      mode: 'column',
      column: 'Code région',
      prefix: 'REG-',
      value: '',
    });
    expect(choices.indicator.mode).toBe('none');
    choices.indicator = { ...choices.indicator, mode: 'value', value: ' mes_profiles_open ' };
    choices.sourceUrl = { ...choices.sourceUrl, mode: 'value', value: SRC };
    const config = draftConfig(draft, 'user-export', ' Export ARS ', choices);
    expect(config).toEqual({
      id: 'user-export',
      label: { fr: 'Export ARS', en: 'Export ARS' },
      format: 'mapped-csv',
      url: 'export.csv',
      mapping: {
        indicator: { value: 'mes_profiles_open' },
        geo: { column: 'Code région', prefix: 'REG-' },
        period: { column: 'Date' },
        value: { column: 'Valeur' },
        sourceUrl: { value: SRC },
      },
    });
    const { observations } = parseFeed(config, bytes, { today });
    expect(observations.map((o) => [o.geo, o.period, o.value])).toEqual([
      ['REG-53', '2024-01-31', 1000],
      ['REG-84', '2024-02-29', 2000],
    ]);
  });

  it('leaves out fields set to none and blank constants', () => {
    const { choices } = initialChoices(readDraft(bytes, 'e.csv'));
    choices.value = { ...choices.value, mode: 'none' };
    choices.note = { mode: 'value', column: '', prefix: '', value: '   ' };
    const mapping = mappingFromChoices(choices);
    expect(mapping.value).toBeUndefined();
    expect(mapping.note).toBeUndefined();
  });
});
