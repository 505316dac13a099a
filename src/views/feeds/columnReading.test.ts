import { describe, expect, it } from 'vitest';
import { datesView, placesView } from './columnReading';

describe('datesView', () => {
  it('says how ambiguous dd/mm dates are read, in the order chosen', () => {
    const cells = ['01/02/2025', '01/03/2025', '01/04/2025'];
    expect(datesView(cells, 'dmy', 'fr')).toEqual({
      ambiguous: true,
      conflict: false,
      unreadable: 0,
      examples: [{ raw: '01/02/2025', read: '1er févr. 2025' }],
    });
    expect(datesView(cells, 'mdy', 'fr').examples).toEqual([
      { raw: '01/02/2025', read: '2 janv. 2025' },
    ]);
    expect(datesView(cells, 'dmy', 'en').examples[0]!.read).toBe('1 Feb 2025');
  });

  it('reads French month names at their month, unambiguous; counts cells that are no dates', () => {
    const view = datesView(['janv. 2025', 'févr. 2025', 'total', ''], 'dmy', 'fr');
    expect(view).toMatchObject({ ambiguous: false, unreadable: 1 });
    expect(view.examples).toEqual([{ raw: 'janv. 2025', read: 'janv. 2025' }]);
  });

  it('finds day-first dates unambiguous once a day is over 12', () => {
    expect(datesView(['01/02/2025', '31/01/2025'], 'dmy', 'fr').ambiguous).toBe(false);
  });
});

describe('placesView', () => {
  it('counts the regions read and lists each value left out, with why', () => {
    const view = placesView(['11', '53', '53', '07', '08', '', 'Non renseigné'], 'region', 'fr');
    expect(view).toMatchObject({ nation: false, regions: 2, departements: 0 });
    expect(view.skipped.map((s) => s.value)).toEqual(['07', '08', '', 'Non renseigné']);
    expect(view.skipped[0]!.reason).toBe('code région inconnu');
  });

  it('reads names and the nation in a column of both kinds', () => {
    const view = placesView(['France', 'ile de france', 'Corse-du-Sud', '977'], 'any', 'en');
    expect(view).toMatchObject({ nation: true, regions: 1, departements: 1 });
    expect(view.skipped).toEqual([{ value: '977', reason: 'overseas collectivity' }]);
  });
});
