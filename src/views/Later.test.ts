import { render } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { askTurn, renderAllNow, renderInTurns } from '../lib/renderQueue';
import FirstScreenProbe from './testing/FirstScreenProbe.svelte';
import Later from './Later.svelte';

const children = createRawSnippet(() => ({
  render: () => '<section data-testid="monthly">Nouveaux profils par mois</section>',
}));

/** Resolves in the turn after the ones already asked for. */
const nextTurn = () => new Promise<void>((resolve) => askTurn(resolve));

afterEach(() => {
  renderAllNow();
  renderInTurns(false);
});

describe('Later', () => {
  it('renders its part at once outside the app (server render, component tests)', () => {
    const { container } = render(Later, { props: { children } });
    expect(container.querySelector('[data-testid="monthly"]')).not.toBeNull();
    expect(container.querySelector('[data-later]')).toBeNull();
  });

  it('holds the room it is given, then renders its part in its turn', async () => {
    renderInTurns(true);
    const { container } = render(Later, { props: { children, reserve: '40rem' } });
    const placeholder = container.querySelector<HTMLElement>('[data-later]');
    expect(placeholder?.style.minHeight).toBe('40rem');
    expect(container.querySelector('[data-testid="monthly"]')).toBeNull();

    await nextTurn();
    expect(container.querySelector('[data-testid="monthly"]')?.textContent).toBe(
      'Nouveaux profils par mois',
    );
    expect(container.querySelector('[data-later]')).toBeNull();
  });

  it('gives a chart inside a first-screen part its turns before the parts further down', async () => {
    renderInTurns(true);
    const log: string[] = [];
    const below = new Promise<void>((resolve) =>
      askTurn(() => {
        log.push('section below');
        resolve();
      }),
    );
    render(FirstScreenProbe, { props: { log } });
    await below;
    expect(log).toEqual(['first-screen part', 'chart inside', 'section below']);
  });
});
