import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeResizeObserver } from '../../test/fakeResizeObserver';

const log: string[] = [];

const entries = (targets: Element[]) =>
  targets.map((target) => ({ target }) as ResizeObserverEntry);

/** A box `overflow` px narrower than its table, which logs its reads and its changes. */
function tableBox(name: string, overflow: number): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = `<table><caption>${name}</caption></table>`;
  Object.defineProperty(box, 'clientWidth', { get: () => (log.push(`read ${name}`), 300) });
  Object.defineProperty(box, 'scrollWidth', { get: () => 300 + overflow });
  Object.defineProperty(box, 'clientHeight', { get: () => 100 });
  Object.defineProperty(box, 'scrollHeight', { get: () => 100 });
  const setAttribute = box.setAttribute.bind(box);
  box.setAttribute = (attribute: string, value: string) => {
    log.push(`mark ${name}`);
    setAttribute(attribute, value);
  };
  document.body.append(box);
  return box;
}

describe('scrollRegion', () => {
  beforeEach(() => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    vi.resetModules();
    log.length = 0;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.replaceChildren();
  });

  it('makes a box whose table overflows a named tab stop, and one that fits neither', async () => {
    const { scrollRegion } = await import('./scrollRegion');
    const wide = tableBox('wide', 200);
    const narrow = tableBox('narrow', 0);
    scrollRegion(wide);
    scrollRegion(narrow);
    FakeResizeObserver.last!.deliver(entries([wide, narrow]));
    expect(wide.getAttribute('role')).toBe('region');
    expect(wide.tabIndex).toBe(0);
    const caption = wide.querySelector('caption')!;
    expect(wide.getAttribute('aria-labelledby')).toBe(caption.id);
    expect(narrow.hasAttribute('role')).toBe(false);
    expect(narrow.hasAttribute('tabindex')).toBe(false);
  });

  it('measures every box it is told about before it marks any, and marks only what changed', async () => {
    const { scrollRegion } = await import('./scrollRegion');
    const boxes = [tableBox('a', 50), tableBox('b', 80)];
    const detach = boxes.map((box) => scrollRegion(box));
    // The box and its table both resized: each box measured once.
    FakeResizeObserver.last!.deliver(
      entries(boxes.flatMap((box) => [box, box.firstElementChild!])),
    );
    expect(log.filter((l) => l.startsWith('read'))).toEqual(['read a', 'read b']);
    expect(log.findIndex((l) => l.startsWith('mark'))).toBe(2);
    log.length = 0;
    FakeResizeObserver.last!.deliver(entries(boxes));
    expect(log).toEqual(['read a', 'read b']);
    // Detached boxes are no longer watched.
    for (const d of detach) if (typeof d === 'function') d();
    expect(FakeResizeObserver.last!.observed.size).toBe(0);
  });
});
