import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeResizeObserver } from '../../test/fakeResizeObserver';

/**
 * The browser's report after a layout that gave `element` this clientWidth. Its box is drawn at a
 * fractional position, 0.6 px wider than the whole pixels clientWidth counts.
 */
function report(element: Element, width: number) {
  const observer = FakeResizeObserver.last!;
  if (!observer.observed.has(element)) return;
  Object.defineProperty(element, 'clientWidth', { configurable: true, get: () => width });
  observer.deliver([
    { target: element, contentRect: { width: width + 0.6 } } as unknown as ResizeObserverEntry,
  ]);
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
  it('reports each element’s clientWidth when the observer sees it change', async () => {
    const observeWidth = await load();
    const a = document.createElement('div');
    const b = document.createElement('div');
    const widthsOfA: number[] = [];
    const widthsOfB: number[] = [];
    observeWidth((w) => widthsOfA.push(w))(a);
    observeWidth((w) => widthsOfB.push(w))(b);
    report(a, 720);
    report(b, 320);
    report(a, 360);
    expect(widthsOfA).toEqual([720, 360]);
    expect(widthsOfB).toEqual([320]);
  });

  it('never reads the width when it is attached: no layout forced while the DOM is being updated', async () => {
    const observeWidth = await load();
    const element = document.createElement('div');
    const read = vi.fn(() => 500);
    Object.defineProperty(element, 'clientWidth', { configurable: true, get: read });
    Object.defineProperty(element, 'offsetWidth', { configurable: true, get: read });
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
    expect(FakeResizeObserver.last!.observed.has(element)).toBe(true);
    if (typeof cleanup === 'function') cleanup();
    // No longer observed (the shared observer would otherwise keep a removed chart alive), and
    // a late report for it goes nowhere.
    expect(FakeResizeObserver.last!.observed.has(element)).toBe(false);
    FakeResizeObserver.last!.observed.add(element);
    report(element, 400);
    expect(set).not.toHaveBeenCalled();
  });
});
