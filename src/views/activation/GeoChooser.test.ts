import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { askTurn, renderInTurns } from '../../lib/renderQueue';
import GeoChooser from './GeoChooser.svelte';

const places = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);

function renderChooser(value: string) {
  const onchange = vi.fn();
  const { container } = render(GeoChooser, { value, lang: 'fr', onchange });
  const select = container.querySelector<HTMLSelectElement>('[data-testid="activation-geo"]')!;
  return { select, onchange };
}

describe('GeoChooser', () => {
  it('lists France, the 18 regions and the 101 departments where nothing renders in turns', () => {
    const { select } = renderChooser('REG-44');
    expect(select.options).toHaveLength(120);
    expect(select.value).toBe('REG-44');
    expect(select.selectedOptions[0]!.textContent).toBe('Grand Est');
  });

  it('holds the chosen place alone until its turn, then every place, still on the chosen one', async () => {
    renderInTurns(true);
    try {
      const { select } = renderChooser('DEP-2A');
      expect(places(select)).toEqual(['DEP-2A']);
      expect(select.selectedOptions[0]!.textContent).toBe('2A – Corse-du-Sud');
      await new Promise<void>((resolve) => askTurn(resolve));
      expect(select.options).toHaveLength(120);
      expect(select.value).toBe('DEP-2A');
    } finally {
      renderInTurns(false);
    }
  });

  it('lists every place as soon as the reader focuses or presses the list, before its turn', () => {
    renderInTurns(true);
    try {
      const focused = renderChooser('FR');
      expect(places(focused.select)).toEqual(['FR']);
      focused.select.focus();
      expect(focused.select.options).toHaveLength(120);

      const pressed = renderChooser('REG-11');
      pressed.select.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      expect(pressed.select.options).toHaveLength(120);
      expect(pressed.select.value).toBe('REG-11');
    } finally {
      renderInTurns(false);
    }
  });

  it("names its groups in the reader's language, and again when the language changes", async () => {
    const onchange = vi.fn();
    const { container, rerender } = render(GeoChooser, { value: 'DEP-54', lang: 'fr', onchange });
    const select = container.querySelector<HTMLSelectElement>('[data-testid="activation-geo"]')!;
    const groups = () => [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups()).toEqual(['Pays', 'Régions', 'Départements']);
    await rerender({ value: 'DEP-54', lang: 'en', onchange });
    expect(groups()).toEqual(['Country', 'Regions', 'Departments']);
    expect(select.options).toHaveLength(120);
    expect(select.value).toBe('DEP-54');
  });

  it('tells the tracker the place picked from the whole list', async () => {
    const { select, onchange } = renderChooser('FR');
    await fireEvent.change(select, { target: { value: 'DEP-54' } });
    expect(onchange).toHaveBeenCalledWith('DEP-54');
  });
});
