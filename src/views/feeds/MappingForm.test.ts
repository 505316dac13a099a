import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { syntheticArsWideCsv } from '../../../test/syntheticArs';
import MappingForm from './MappingForm.svelte';
import { readDraft, type FeedDraft } from './feedDraft';
import { guessMapping } from '../../feeds/guessMapping';
import { stateFromMapping, type MappingState } from './mappingState';

// Synthetic files: made-up figures.
const ars = readDraft(syntheticArsWideCsv(), 'synthetic-ars.csv');

function setup(draft: FeedDraft = ars, change?: (s: MappingState) => MappingState) {
  let mapping = stateFromMapping(
    guessMapping(draft.header, draft.rows).mapping,
    'Fichier synthetic-ars.csv, importé le 5 déc. 2026',
  );
  if (change) mapping = change(mapping);
  const onchange = vi.fn<(next: MappingState) => void>();
  const view = render(MappingForm, { props: { draft, mapping, onchange } });
  const last = () => onchange.mock.calls.at(-1)![0];
  return { ...view, onchange, mapping, last };
}

const select = (name: string | RegExp) =>
  screen.getByRole('combobox', { name }) as HTMLSelectElement;
const selectedText = (s: HTMLSelectElement) => s.selectedOptions[0]?.textContent?.trim();

describe('MappingForm on the ARS export', () => {
  it('is pre-filled with the guess: region codes, the months, two value columns by name', () => {
    setup();
    expect(select('Colonne du lieu').value).toBe('Code région');
    expect(selectedText(select('Cette colonne contient des'))).toBe('régions (codes ou noms)');
    expect(screen.getByTestId('places-found').textContent).toMatch(/18 régions/);
    expect(select('Colonne de la date').value).toBe('Mois');
    expect(screen.getByTestId('dates-read').textContent).toContain(
      '« janv. 2025 » lu comme janv. 2025',
    );
    expect(selectedText(select('Indicateur de la colonne « Nombre de profils MES ouverts »'))).toBe(
      'Profils Mon espace santé ouverts (profils)',
    );
    expect(selectedText(select('Indicateur de la colonne « Nombre de profils MES activés »'))).toBe(
      'Profils Mon espace santé activés (profils)',
    );
    expect(selectedText(select('Indicateur de la colonne « Région »'))).toBe('— ne pas importer —');
    expect((screen.getByLabelText('Nom de la source') as HTMLInputElement).value).toBe(
      'Fichier synthetic-ars.csv, importé le 5 déc. 2026',
    );
    expect((screen.getByLabelText(/Adresse de la publication/) as HTMLInputElement).value).toBe('');
  });

  it('lists indicators by name and unit, never by id, and offers a new one', () => {
    setup();
    const texts = [...select('Indicateur de la colonne « Région »').options].map((o) =>
      o.textContent?.trim(),
    );
    expect(texts).toContain('Taux d’activation (%)'.replace('’', "'"));
    expect(texts.at(-1)).toBe('Définir un nouvel indicateur…');
    expect(texts.some((t) => /mes_|dmp_|insi_/.test(t ?? ''))).toBe(false);
  });

  it('reports each change as the whole new state', async () => {
    const { last, mapping } = setup();
    await fireEvent.change(select('Cette colonne contient des'), {
      target: { value: 'departement' },
    });
    expect(last().geo).toEqual({ ...mapping.geo, kind: 'departement' });
    await fireEvent.change(select('Indicateur de la colonne « Nombre de profils MES activés »'), {
      target: { value: '' },
    });
    expect(last().columns['Nombre de profils MES activés']).toBe('');
    expect(last().columns['Nombre de profils MES ouverts']).toBe('mes_profiles_open');
  });

  it('defines a new indicator for a column, by its French name, unit and kind', async () => {
    const { last } = setup();
    const region = select('Indicateur de la colonne « Région »');
    await fireEvent.change(region, { target: { value: '\u0000new' } });
    expect(region.value).toBe('');
    // Keyboard users land in the form, and back on the select when it closes.
    expect(document.activeElement).toBe(screen.getByLabelText('Nom en français'));
    await fireEvent.input(screen.getByLabelText('Nom en français'), { target: { value: ' ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter l’indicateur' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Donnez un nom/);
    await fireEvent.input(screen.getByLabelText('Nom en français'), {
      target: { value: 'Profils suivis' },
    });
    await fireEvent.input(screen.getByLabelText(/^Unité \(par exemple/), {
      target: { value: 'profils' },
    });
    await fireEvent.change(screen.getByLabelText('Nature'), { target: { value: 'flow' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter l’indicateur' }));
    expect(last().indicators).toEqual([
      {
        id: 'user_profils_suivis',
        label: { fr: 'Profils suivis', en: 'Profils suivis' },
        unit: { fr: 'profils', en: 'profils' },
        kind: 'flow',
        valueType: 'count',
      },
    ]);
    expect(last().columns['Région']).toBe('user_profils_suivis');
    expect(screen.queryByTestId('new-indicator')).toBeNull();
    await tick();
    expect(document.activeElement).toBe(region);
  });

  it('refuses an http source address, in French, tied to its input', () => {
    setup(ars, (s) => ({ ...s, source: { ...s.source, url: 'http://example.org/x' } }));
    const input = screen.getByLabelText(/Adresse de la publication/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(
      /seules les adresses https:\/\/ sont acceptées/,
    );
    expect(input.getAttribute('aria-describedby')).toContain('source-url-problem');
  });
});

describe('MappingForm on other tables', () => {
  it('says how ambiguous dates are read and lets the user read them month first', async () => {
    const draft = readDraft(
      new TextEncoder().encode('Date;Code région;Valeur\n01/02/2025;53;1\n01/03/2025;84;2\n'),
      'synthetic-long.csv',
    );
    const { last } = setup(draft);
    expect(screen.getByTestId('dates-read').textContent).toContain(
      '« 01/02/2025 » lu comme 1er févr. 2025',
    );
    expect(screen.getByTestId('dates-ambiguous').textContent).toMatch(/lues jour\/mois/);
    await fireEvent.change(select('Ordre des dates jj/mm'), { target: { value: 'mdy' } });
    expect(last().period.order).toBe('mdy');
    // A long table: one value column, the indicator chosen by name for the whole file.
    expect(select('Colonne des valeurs').value).toBe('Valeur');
    await fireEvent.change(select('Indicateur de tout le fichier'), {
      target: { value: 'mes_profiles_open' },
    });
    expect(last().indicator).toEqual({ mode: 'value', column: '', value: 'mes_profiles_open' });
  });

  it('lists the place values that will be skipped', () => {
    const draft = readDraft(
      new TextEncoder().encode('Code région;Mois;Valeur\n53;2025-01;1\n07;2025-01;2\n'),
      'synthetic-skip.csv',
    );
    setup(draft);
    expect(screen.getByTestId('places-skipped').textContent).toBe(
      'Seront ignorés (hors référentiel) : 07 (code région inconnu).',
    );
  });

  it('shows column names as text, never as markup', () => {
    const markup = readDraft(
      new TextEncoder().encode('<img src=x onerror=alert(1)>;b\n1;2\n'),
      'synthetic-markup.csv',
    );
    const { container } = setup(markup);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('Colonne « <img src=x onerror=alert(1)> »');
  });
});
