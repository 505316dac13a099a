import { afterEach, describe, expect, it, vi } from 'vitest';

describe('loadGeometry', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('fetches a layer once, same-origin, and shares it between pages', async () => {
    const fetch = vi.fn(async () => new Response('{"type":"Topology","objects":{},"arcs":[]}'));
    vi.stubGlobal('fetch', fetch);
    const { loadGeometry } = await import('./geometry');
    const [a, b] = await Promise.all([loadGeometry('regions'), loadGeometry('regions')]);
    expect(a).toBe(b);
    expect(fetch).toHaveBeenCalledTimes(1);
    const url = String((fetch.mock.calls[0] as unknown[])[0]);
    expect(url).toBe(new URL('geo/regions.topojson', document.baseURI).href);
  });

  it('reports a failed load and tries again the next time', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('missing', { status: 404 }))
      .mockResolvedValueOnce(new Response('{"type":"Topology","objects":{},"arcs":[]}'));
    vi.stubGlobal('fetch', fetch);
    const { loadGeometry } = await import('./geometry');
    await expect(loadGeometry('departements')).rejects.toThrow(/departements.topojson: HTTP 404/);
    await expect(loadGeometry('departements')).resolves.toMatchObject({ type: 'Topology' });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
