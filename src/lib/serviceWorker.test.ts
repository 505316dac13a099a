import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  linkWebManifest,
  MANIFEST_HREF,
  registerServiceWorkerWhenWhole,
  type ServiceWorkerHost,
} from './serviceWorker';

/** A browser's service worker container that records what it was asked. */
function fakeHost(register: (url: string, options: { scope: string }) => Promise<unknown>) {
  const calls: [string, { scope: string }][] = [];
  const host: ServiceWorkerHost = {
    serviceWorker: {
      register: (url, options) => {
        calls.push([url, options]);
        return register(url, options);
      },
    },
  };
  return { host, calls };
}

/** A promise with its resolver, to say when the page is whole. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('registerServiceWorkerWhenWhole', () => {
  it('registers ./sw.js, scope ./, only once the page is whole and the browser idle', async () => {
    const { host, calls } = fakeHost(() => Promise.resolve({}));
    const whole = deferred();
    const idle = deferred();
    const registered = registerServiceWorkerWhenWhole(
      () => whole.promise,
      () => true,
      host,
      () => idle.promise,
    );
    await Promise.resolve();
    expect(calls).toEqual([]);
    whole.resolve();
    await whole.promise;
    await Promise.resolve();
    expect(calls).toEqual([]);
    idle.resolve();
    expect(await registered).toBe(true);
    expect(calls).toEqual([['./sw.js', { scope: './' }]]);
  });

  it('waits again when a render began while it waited for the browser to be idle', async () => {
    const { host, calls } = fakeHost(() => Promise.resolve({}));
    let renders = 0;
    let rendering = true;
    const idles: (() => void)[] = [];
    const registered = registerServiceWorkerWhenWhole(
      () => {
        renders += 1;
        return Promise.resolve();
      },
      () => !rendering,
      host,
      () => new Promise<void>((resolve) => idles.push(resolve)),
    );
    await vi.waitFor(() => expect(idles).toHaveLength(1));
    // New data on screen meanwhile: the page is rendering again when the idle moment comes.
    idles[0]!();
    await vi.waitFor(() => expect(idles).toHaveLength(2));
    expect(renders).toBe(2);
    expect(calls).toEqual([]);
    rendering = false;
    idles[1]!();
    expect(await registered).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('registers after 15 s when the page never says it is whole', async () => {
    vi.useFakeTimers();
    const { host, calls } = fakeHost(() => Promise.resolve({}));
    const registered = registerServiceWorkerWhenWhole(
      () => new Promise(() => {}),
      () => false,
      host,
      () => Promise.resolve(),
    );
    await vi.advanceTimersByTimeAsync(14_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await registered).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('links the web app manifest once the page is whole, right before registering', async () => {
    const order: string[] = [];
    const { host } = fakeHost(() => {
      order.push('register');
      return Promise.resolve({});
    });
    const whole = deferred();
    const registered = registerServiceWorkerWhenWhole(
      () => whole.promise,
      () => true,
      host,
      () => Promise.resolve(),
      () => order.push('manifest'),
    );
    await Promise.resolve();
    expect(order).toEqual([]);
    whole.resolve();
    expect(await registered).toBe(true);
    expect(order).toEqual(['manifest', 'register']);
  });

  it('links the manifest but registers nothing where the browser has no service workers', async () => {
    const linkManifest = vi.fn();
    expect(
      await registerServiceWorkerWhenWhole(
        () => Promise.resolve(),
        () => true,
        {},
        () => Promise.resolve(),
        linkManifest,
      ),
    ).toBe(false);
    expect(linkManifest).toHaveBeenCalledOnce();
  });

  it('says in the console when the registration fails, and goes on', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { host } = fakeHost(() => Promise.reject(new TypeError('bad MIME type')));
    expect(
      await registerServiceWorkerWhenWhole(
        () => Promise.resolve(),
        () => true,
        host,
        () => Promise.resolve(),
      ),
    ).toBe(false);
    expect(warn).toHaveBeenCalledWith('service worker not registered', expect.any(TypeError));
  });
});

describe('linkWebManifest', () => {
  it('adds one <link rel="manifest"> to the head, however often it is asked', () => {
    const doc = document.implementation.createHTMLDocument('page');
    linkWebManifest(doc);
    linkWebManifest(doc);
    const links = doc.head.querySelectorAll('link[rel="manifest"]');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(MANIFEST_HREF);
  });
});
