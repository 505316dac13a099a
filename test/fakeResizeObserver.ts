/**
 * A ResizeObserver a unit test drives (jsdom has none): stub it with
 * `vi.stubGlobal('ResizeObserver', FakeResizeObserver)`; `last` is the one the code made,
 * `deliver` plays the browser's report of entries after a layout.
 */
export class FakeResizeObserver {
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
  deliver(entries: ResizeObserverEntry[]) {
    this.callback(entries, this as unknown as ResizeObserver);
  }
}
