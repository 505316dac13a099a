import { afterEach, describe, expect, it, vi } from 'vitest';

/** A ResizeObserver the test drives: `report` plays the browser's report after a layout. */
class FakeResizeObserver {
  static last: FakeResizeObserver | undefined;
  observed = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  report(element: Element, width: number) {
    if (!this.observed.has(element)) return;
    const entry = { target: element, contentRect: { width } } as unknown as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function load() {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  return (await import('./observeWidth')).observeWidth;
}

describe('observeWidth', () => {
  it('reports each element’s width from the observer, rounded like clientWidth', async () => {
    const observeWidth = await load();
    const a = document.createElement('div');
    const b = document.createElement('div');
    const widthsOfA: number[] = [];
    const widthsOfB: number[] = [];
    observeWidth((w) => widthsOfA.push(w))(a);
    observeWidth((w) => widthsOfB.push(w))(b);
    FakeResizeObserver.last!.report(a, 719.6);
    FakeResizeObserver.last!.report(b, 320);
    expect(widthsOfA).toEqual([720]);
    expect(widthsOfB).toEqual([320]);
  });

  it('never reads the width itself: no layout forced while the DOM is being updated', async () => {
    const observeWidth = await load();
    const element = document.createElement('div');
    const read = vi.fn(() => 500);
    Object.defineProperty(element, 'clientWidth', { get: read });
    Object.defineProperty(element, 'offsetWidth', { get: read });
    const set = vi.fn();
    observeWidth(set)(element);
    expect(read).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
  });

  it('stops reporting once the element is gone', async () => {
    const observeWidth = await load();
    const element = document.createElement('div');
    const set = vi.fn();
    const cleanup = observeWidth(set)(element);
    if (typeof cleanup === 'function') cleanup();
    FakeResizeObserver.last!.report(element, 400);
    expect(set).not.toHaveBeenCalled();
  });
});
