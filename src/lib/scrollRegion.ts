import type { Attachment } from 'svelte/attachments';

let captions = 0;

/** The boxes observed, by the element whose size is watched (the box or one of its children). */
const boxOf = new Map<Element, HTMLElement>();
let observer: ResizeObserver | undefined;

/**
 * Makes a box that scrolls (a wide table on a phone) reachable by keyboard: while its content
 * overflows it is a tab stop and a region named by its table's caption, so a keyboard user of a
 * browser whose scrollers take no focus can still scroll it (WCAG 2.1.1, axe's
 * `scrollable-region-focusable`). When everything fits it is neither, sparing a tab stop.
 * `<div class="table-scroll" {@attach scrollRegion}>`.
 *
 * The box and its content are measured by a ResizeObserver, after the browser's layout: a table
 * that grows, a closed `<details>` opened or a window narrowed are all seen, and no layout is
 * forced in the middle of Svelte's update. One observer for every box, which measures all the
 * boxes it is told about before it changes any: a page's tables, each measured and then marked in
 * turn, made the browser lay the page out again for each (some 15 ms of a region's page).
 */
export const scrollRegion: Attachment<HTMLElement> = (box) => {
  if (typeof ResizeObserver === 'undefined') return;
  observer ??= new ResizeObserver(measureThenMark);
  const watched = [box, ...box.children];
  for (const element of watched) {
    boxOf.set(element, box);
    observer.observe(element);
  }
  return () => {
    for (const element of watched) {
      boxOf.delete(element);
      observer?.unobserve(element);
    }
  };
};

function measureThenMark(entries: ResizeObserverEntry[]): void {
  const boxes = new Set<HTMLElement>();
  for (const entry of entries) {
    const box = boxOf.get(entry.target);
    if (box) boxes.add(box);
  }
  const scrolling = [...boxes].map(
    (box) =>
      [
        box,
        box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1,
      ] as const,
  );
  for (const [box, scrolls] of scrolling) mark(box, scrolls);
}

/** Changes only what differs: an attribute set again to its value still costs a style check. */
function mark(box: HTMLElement, scrolls: boolean): void {
  if (!scrolls) {
    box.removeAttribute('tabindex');
    box.removeAttribute('role');
    box.removeAttribute('aria-labelledby');
    return;
  }
  // Named by reference, so the name follows the caption when the language changes.
  const caption = box.querySelector('caption');
  if (caption) {
    if (!caption.id) caption.id = `scroll-caption-${++captions}`;
    if (box.getAttribute('aria-labelledby') !== caption.id)
      box.setAttribute('aria-labelledby', caption.id);
  }
  if (box.getAttribute('role') !== 'region') box.setAttribute('role', 'region');
  if (box.getAttribute('tabindex') !== '0') box.tabIndex = 0;
}
