import type { Attachment } from 'svelte/attachments';

/** One observer for every chart: each element maps to its chart's setter. */
const setters = new WeakMap<Element, (width: number) => void>();
let observer: ResizeObserver | undefined;

/**
 * Reports an element's width (`clientWidth`) each time it changes:
 * `{@attach observeWidth((w) => (measured = w))}`.
 *
 * Unlike `bind:clientWidth`, it never reads the width when the element is created. That read,
 * made while Svelte is still updating the DOM, forces a layout in the middle of the update: a
 * chart block drawn again on a map switch (a ranking going from no bar to some) paid a whole-page
 * layout for it. The observer reports after the browser's own layout, before the paint, so a chart
 * that keeps its last width does not change, and a new one is redrawn before it is seen.
 */
export function observeWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    if (typeof ResizeObserver === 'undefined') return;
    // clientWidth, not the entry's fractional width: the same figure as a chart's own first read
    // (TimeChart's measureInTurn), so a chart at a fractional position is not drawn twice. Read
    // after the browser's layout, for every entry before any chart updates, it forces none.
    observer ??= new ResizeObserver((entries) => {
      for (const entry of entries) setters.get(entry.target)?.(entry.target.clientWidth);
    });
    setters.set(element, set);
    observer.observe(element);
    return () => {
      observer?.unobserve(element);
      setters.delete(element);
    };
  };
}
