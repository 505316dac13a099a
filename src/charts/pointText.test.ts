import { syntheticPoint } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../model/series';
import { chartSummary, derivedText, kpiSpreadNote, pointLabel, tooltipLines } from './pointText';

const NNBSP = '\u202f';

describe('pointLabel', () => {
  it('reads series, period, qualified value and source', () => {
    const p = syntheticPoint('2022-10', 7_200_000, { qualifier: '~' });
    expect(pointLabel(p, 'Profils activés', 'count', 'fr')).toBe(
      `Profils activés, oct. 2022 : environ 7${NNBSP}200${NNBSP}000 (source : synthetic source)`,
    );
    expect(pointLabel(p, 'Activated profiles', 'count', 'en')).toBe(
      'Activated profiles, Oct 2022: about 7,200,000 (source: synthetic source)',
    );
  });

  it('says when a figure was computed', () => {
    const p = syntheticPoint('2022-10', 12, { derivedFrom: [] });
    expect(pointLabel(p, 'Taux', 'percent', 'fr')).toMatch(/, calculé$/);
  });
});

describe('tooltipLines', () => {
  it('lists period, value, qualifier, source and inputs of a computed figure', () => {
    const input = syntheticPoint('2022-10', 500, { qualifier: '<' });
    const p = syntheticPoint('2022-10', 5, { note: 'synthetic note', derivedFrom: [input] });
    expect(tooltipLines(p, 'percent', 'fr')).toEqual([
      { kind: 'period', text: 'oct. 2022' },
      { kind: 'value', text: '5\u00a0%' },
      { kind: 'qualifier', text: 'exact' },
      { kind: 'source', text: 'Source : synthetic source' },
      { kind: 'derived', text: 'calculé : moins de 500 (oct. 2022)' },
    ]);
  });

  it('quotes the source’s own words, never the compiler’s note', () => {
    const quoted = syntheticPoint('2022-10', 5, {
      note: 'Synthetic compiler remark. Quote: «les mots de la source» (caveat)',
    });
    const lines = tooltipLines(quoted, 'count', 'fr');
    expect(lines.find((l) => l.kind === 'note')?.text).toBe('« les mots de la source »');
    expect(lines.map((l) => l.text).join(' ')).not.toMatch(/compiler|caveat/);
    const unquoted = syntheticPoint('2022-10', 5, { note: '~97% have a profile' });
    expect(tooltipLines(unquoted, 'count', 'fr').map((l) => l.kind)).not.toContain('note');
  });

  it('names the source by publisher and kind, in the reader’s language', () => {
    const p = syntheticPoint('2022-10', 5, {
      sourceUrl: 'https://www.example.org/a',
      sourceLabel: 'press (relaying CNAM communiqué)',
    });
    expect(tooltipLines(p, 'count', 'fr')[3]!.text).toBe(
      'Source : example.org, relayant la Cnam (presse)',
    );
    expect(tooltipLines(p, 'count', 'en')[3]!.text).toBe(
      'Source: example.org, relaying the CNAM (press)',
    );
  });

  it('gives a computed figure its explanation instead of its inputs', () => {
    const p = syntheticPoint('2022-10', 5, {
      derivedFrom: [syntheticPoint('2022-10', 1)],
      explanation: 'moyenne sur la période',
    });
    const lines = tooltipLines(p, 'count', 'fr');
    expect(lines.find((l) => l.kind === 'note')?.text).toBe('moyenne sur la période');
    expect(lines.map((l) => l.kind)).not.toContain('derived');
  });

  it('leaves out a note and inputs that do not exist', () => {
    const kinds = tooltipLines(syntheticPoint('2022', 1), 'count', 'en').map((l) => l.kind);
    expect(kinds).toEqual(['period', 'value', 'qualifier', 'source']);
  });

  it('keeps untrusted text verbatim, including braces', () => {
    const p = syntheticPoint('2022-10', 1, { note: '«{note} $& <b>x</b>»' });
    expect(tooltipLines(p, 'count', 'fr').find((l) => l.kind === 'note')?.text).toBe(
      '« {note} $& <b>x</b> »',
    );
  });
});

describe('derivedText', () => {
  it('is absent for a published figure', () => {
    expect(derivedText(syntheticPoint('2022-10', 1), 'fr')).toBeUndefined();
  });
});

describe('chartSummary', () => {
  const a = syntheticPoint('2021-09', 1);
  const b = syntheticPoint('2023-06-15', 2, { precision: 'day' });
  it.each<[number, SeriesPoint | undefined, SeriesPoint | undefined, 'fr' | 'en', string]>([
    [5, a, b, 'fr', 'T : 5 points, de sept. 2021 à 15 juin 2023'],
    [5, a, b, 'en', 'T: 5 points, from Sept 2021 to 15 Jun 2023'],
    [1, a, a, 'fr', 'T : 1 point, sept. 2021'],
    [0, undefined, undefined, 'fr', 'T : pas de données'],
  ])('%d points in %s', (count, first, last, lang, expected) => {
    expect(chartSummary('T', count, first, last, lang)).toBe(expected);
  });
});

describe('disputed figures (model/reconcile.ts)', () => {
  const other = syntheticPoint('2022-05-18', 15_000_000, {
    precision: 'day',
    qualifier: '~',
    sourceLabel: 'synthetic press source',
  });
  const point = syntheticPoint('2022-05', 11_200_000, { alternatives: [other] });

  it('lists every other value with its date and source in the tooltip', () => {
    const lines = tooltipLines(point, 'count', 'fr').filter((l) => l.kind === 'disputed');
    expect(lines.map((l) => l.text)).toEqual([
      'Chiffre discuté : d’autres sources publient une autre valeur',
      `environ 15${NNBSP}000${NNBSP}000 (18 mai 2022, source : synthetic press source)`,
    ]);
    expect(
      tooltipLines(syntheticPoint('2022-05', 1), 'count', 'fr').map((l) => l.kind),
    ).not.toContain('disputed');
  });

  it('says so in the point label', () => {
    expect(pointLabel(point, 'S', 'count', 'en')).toMatch(/disputed figure, 2 published values$/);
  });
});

describe('kpiSpreadNote', () => {
  it('says when a row of headline figures mixes moments more than 3 months apart', () => {
    const rate = syntheticPoint('2024-10-07', 20, { precision: 'day' });
    const count = syntheticPoint('2026-01-29', 24_000_000, { precision: 'day' });
    expect(kpiSpreadNote([rate, undefined, count], 'fr')).toBe(
      'Ces chiffres ne sont pas du même moment : du plus ancien (7 oct. 2024) au plus récent (29 janv. 2026). Chacun est le dernier publié pour sa série ; sa carte en donne la date.',
    );
  });

  it('says nothing for figures of the same season, or none', () => {
    const a = syntheticPoint('2026-01', 1);
    const b = syntheticPoint('2025-11-15', 2, { precision: 'day' });
    expect(kpiSpreadNote([a, b], 'fr')).toBeUndefined();
    expect(kpiSpreadNote([undefined], 'fr')).toBeUndefined();
  });
});
