import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import MappingForm from './MappingForm.svelte';
import { initialChoices, readDraft, type MappingChoices } from './feedDraft';

// A synthetic French export: made-up figures.
const draft = readDraft(
  new TextEncoder().encode(
    'Date de publication;Code région;Valeur;c4\n15/03/2024;53;3 012 345;<script>alert(1)</script>\n15/03/2024;84;1 000;x\n',
  ),
  'synthetic-export.csv',
);

function setup(choices?: MappingChoices) {
  const init = initialChoices(draft);
  const onchange = vi.fn<(next: MappingChoices) => void>();
  const view = render(MappingForm, {
    props: {
      header: draft.header,
      choices: choices ?? init.choices,
      guessed: init.guessed,
      onchange,
    },
  });
  return { ...view, onchange, init };
}

const select = (name: RegExp) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('MappingForm', () => {
  it('pre-fills the guesses: columns by header, the region prefix from the codes', () => {
    setup();
    expect(select(/^Période \(date\)/).value).toBe('Date de publication');
    expect(select(/^Territoire/).value).toBe('Code région');
    expect(select(/^Valeur/).value).toBe('Valeur');
    expect(select(/^Indicateur/).value).toBe('');
    expect(select(/Préfixe ajouté aux codes/).value).toBe('REG-');
  });

  it('marks the required fields', () => {
    setup();
    for (const name of [
      /^Indicateur/,
      /^Territoire/,
      /^Période/,
      /^Valeur/,
      /^Adresse de la source/,
    ]) {
      expect(
        screen.getByText('(obligatoire)', { selector: `label[for="${select(name).id}"] span` }),
      ).toBeTruthy();
    }
    expect(document.querySelector('label[for="map-note"]')?.textContent).toMatch(/^\s*Note\s*$/);
  });

  it('offers every column and a fixed value for each field', () => {
    setup();
    const options = [...select(/^Indicateur/).options].map((o) => o.textContent?.trim());
    expect(options).toEqual([
      '— aucun —',
      'Colonne « Date de publication »',
      'Colonne « Code région »',
      'Colonne « Valeur »',
      'Colonne « c4 »',
      'Valeur fixe…',
    ]);
  });

  it('reports a change of column as the whole new set of choices', async () => {
    const { onchange, init } = setup();
    await fireEvent.change(select(/^Note/), { target: { value: 'c4' } });
    expect(onchange).toHaveBeenCalledTimes(1);
    const next = onchange.mock.calls[0]![0];
    expect(next.note).toEqual({ mode: 'column', column: 'c4', prefix: '', value: '' });
    expect(next.geo).toEqual(init.choices.geo);
  });

  it('lets one fixed value stand for the whole file, with the indicator ids suggested', async () => {
    const { onchange, init, rerender } = setup();
    await fireEvent.change(select(/^Indicateur/), { target: { value: '\u0000value' } });
    const withValue = onchange.mock.calls[0]![0];
    expect(withValue.indicator.mode).toBe('value');
    await rerender({ header: draft.header, choices: withValue, guessed: init.guessed, onchange });
    const input = screen.getByLabelText('Valeur fixe pour « Indicateur »') as HTMLInputElement;
    expect(input.getAttribute('list')).toBe('indicator-ids');
    expect(
      document.querySelector('datalist#indicator-ids option[value="mes_profiles_open"]'),
    ).toBeTruthy();
    await fireEvent.input(input, { target: { value: 'mes_profiles_open' } });
    expect(onchange.mock.calls.at(-1)![0].indicator).toEqual({
      mode: 'value',
      column: '',
      prefix: '',
      value: 'mes_profiles_open',
    });
  });

  it('changes the geo prefix', async () => {
    const { onchange } = setup();
    await fireEvent.change(select(/Préfixe ajouté aux codes/), { target: { value: 'DEP-' } });
    expect(onchange.mock.calls[0]![0].geo).toMatchObject({ column: 'Code région', prefix: 'DEP-' });
  });

  it('shows column names as text, never as markup', () => {
    const markup = readDraft(
      new TextEncoder().encode('<img src=x onerror=alert(1)>;b\n1;2\n'),
      'synthetic-markup.csv',
    );
    const init = initialChoices(markup);
    const { container } = render(MappingForm, {
      props: { header: markup.header, choices: init.choices, guessed: [], onchange: () => {} },
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('Colonne « <img src=x onerror=alert(1)> »');
  });
});
