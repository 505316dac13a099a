import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate, router } from './router.svelte';

/** Past the next painted frame (happy-dom's frames run on timers), when a waiting step is written. */
const afterPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** A hashchange as the browser sends it after Back or a typed address. */
async function addressFromOutside(hash: string): Promise<void> {
  const changed = new Promise((resolve) =>
    window.addEventListener('hashchange', resolve, { once: true }),
  );
  location.hash = hash;
  await changed;
}

beforeEach(async () => {
  navigate({ page: 'overview' });
  await afterPaint();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('navigate', () => {
  it('adds a history entry for a move at once', () => {
    const length = history.length;
    navigate({ page: 'regions' });
    expect(router.state.page).toBe('regions');
    expect(location.hash).toBe('#/regions');
    expect(history.length).toBe(length + 1);
  });

  it('writes a control step over the current entry once the new view is painted, one write for several steps', async () => {
    navigate({ page: 'regions' });
    const replaceState = vi.spyOn(history, 'replaceState');
    navigate({ date: '2024-01-31' }, { replace: true });
    navigate({ date: '2024-02-29' }, { replace: true });
    // The view follows at once; the address waits for the frame.
    expect(router.state.date).toBe('2024-02-29');
    expect(location.hash).toBe('#/regions');
    await afterPaint();
    expect(replaceState).toHaveBeenCalledTimes(1);
    expect(location.hash).toBe('#/regions?v=1&date=2024-02-29');
  });

  it('leaves the waiting step on the entry being left when a new one is added', async () => {
    navigate({ page: 'regions' });
    navigate({ indicator: 'mes_profiles_open' }, { replace: true });
    navigate({ page: 'region', region: '53' });
    expect(location.hash).toBe('#/regions/53');
    history.back();
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    expect(location.hash).toBe('#/regions?v=1&ind=mes_profiles_open');
    expect(router.state).toMatchObject({ page: 'regions', indicator: 'mes_profiles_open' });
  });

  it('keeps a step made right after a move when the move’s own hashchange arrives', async () => {
    navigate({ page: 'regions' });
    navigate({ date: '2024-01-31' }, { replace: true });
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    expect(router.state.date).toBe('2024-01-31');
    await afterPaint();
    expect(location.hash).toBe('#/regions?v=1&date=2024-01-31');
  });

  it('drops a waiting step when the reader brings another address', async () => {
    navigate({ page: 'regions' });
    await afterPaint();
    const replaceState = vi.spyOn(history, 'replaceState');
    navigate({ date: '2024-01-31' }, { replace: true });
    await addressFromOutside('#/sources');
    await afterPaint();
    expect(replaceState).not.toHaveBeenCalled();
    expect(location.hash).toBe('#/sources');
    expect(router.state.page).toBe('sources');
    expect(router.state.date).toBeUndefined();
  });

  it('does not write a waiting step over an address reached before its hashchange arrived', async () => {
    navigate({ page: 'regions' });
    await afterPaint();
    navigate({ date: '2024-01-31' }, { replace: true });
    // A link followed while the step waits: the address changes at once, its hashchange reaches
    // the router only later (held back here until the step's frame has passed).
    const holdBack = (event: Event) => event.stopImmediatePropagation();
    window.addEventListener('hashchange', holdBack, { capture: true });
    try {
      location.hash = '#/sources';
      await afterPaint();
      expect(location.hash).toBe('#/sources');
    } finally {
      window.removeEventListener('hashchange', holdBack, { capture: true });
    }
  });

  it('tells its own moves from the reader’s when it makes two in a row', async () => {
    navigate({ page: 'regions' });
    navigate({ page: 'activation' });
    navigate({ geo: 'REG-44' }, { replace: true });
    let hashchanges = 0;
    await new Promise<void>((resolve) =>
      window.addEventListener('hashchange', function count() {
        if (++hashchanges === 2) {
          window.removeEventListener('hashchange', count);
          resolve();
        }
      }),
    );
    expect(router.state).toMatchObject({ page: 'activation', geo: 'REG-44' });
    await afterPaint();
    expect(location.hash).toBe('#/activation?v=1&geo=REG-44');
  });

  it('writes a waiting step when the tab is hidden', () => {
    navigate({ page: 'regions' });
    navigate({ date: '2024-01-31' }, { replace: true });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();
    expect(location.hash).toBe('#/regions?v=1&date=2024-01-31');
  });

  it('writes a waiting step when the page goes away', () => {
    navigate({ page: 'regions' });
    navigate({ date: '2024-01-31' }, { replace: true });
    window.dispatchEvent(new Event('pagehide'));
    expect(location.hash).toBe('#/regions?v=1&date=2024-01-31');
  });
});
