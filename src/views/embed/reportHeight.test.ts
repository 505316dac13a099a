import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmbedHeightMessage } from '../../lib/embedContract';
import { reportHeight } from './reportHeight';

/** A ResizeObserver the test drives: `resize()` calls back as a layout would. */
class FakeObserver {
  static last: FakeObserver | undefined;
  observed: Element[] = [];
  constructor(private callback: () => void) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.push(element);
    this.callback();
  }
  disconnect() {
    this.observed = [];
  }
  resize() {
    this.callback();
  }
}

describe('reportHeight', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('posts the height at once and at each change, not twice the same', () => {
    vi.stubGlobal('ResizeObserver', FakeObserver);
    const element = document.createElement('div');
    let height = 300.5;
    element.getBoundingClientRect = () => ({ height }) as DOMRect;
    const posted: EmbedHeightMessage[] = [];
    const cleanup = reportHeight('region-map', (m) => posted.push(m))(element);
    height = 300.9;
    FakeObserver.last!.resize();
    height = 480;
    FakeObserver.last!.resize();
    expect(posted.map((m) => [m.chart, m.height])).toEqual([
      ['region-map', 301],
      ['region-map', 480],
    ]);
    cleanup?.();
    expect(FakeObserver.last!.observed).toEqual([]);
  });
});
