import { afterEach, describe, expect, it, vi } from 'vitest';

const LAYOUT = '{"width":600,"height":540,"shapes":[],"frames":[]}';

describe('loadMapLayout', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('fetches a map once, same-origin, and shares it between pages', async () => {
    const fetch = vi.fn(async () => new Response(LAYOUT));
    vi.stubGlobal('fetch', fetch);
    const { loadMapLayout } = await import('./mapLayouts');
    const [a, b] = await Promise.all([loadMapLayout('regions'), loadMapLayout('regions')]);
    expect(a).toBe(b);
    expect(a).toMatchObject({ width: 600, height: 540 });
    expect(fetch).toHaveBeenCalledTimes(1);
    const url = String((fetch.mock.calls[0] as unknown[])[0]);
    expect(url).toBe(new URL('geo/regions.layout.json', document.baseURI).href);
  });

  it('reports a failed load and tries again the next time', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('missing', { status: 404 }))
      .mockResolvedValueOnce(new Response(LAYOUT));
    vi.stubGlobal('fetch', fetch);
    const { loadMapLayout } = await import('./mapLayouts');
    await expect(loadMapLayout('departements-53')).rejects.toThrow(
      /geo\/departements-53.layout.json: HTTP 404/,
    );
    await expect(loadMapLayout('departements-53')).resolves.toMatchObject({ width: 600 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
