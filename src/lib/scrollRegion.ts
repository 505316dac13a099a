import type { Attachment } from 'svelte/attachments';

let captions = 0;

/**
 * Makes a box that scrolls (a wide table on a phone) reachable by keyboard: while its content
 * overflows it is a tab stop and a region named by its table's caption, so a keyboard user of a
 * browser whose scrollers take no focus can still scroll it (WCAG 2.1.1, axe's
 * `scrollable-region-focusable`). When everything fits it is neither, sparing a tab stop.
 * `<div class="table-scroll" {@attach scrollRegion}>`.
 *
 * The box and its content are measured by a ResizeObserver, after the browser's layout: a table
 * that grows, a closed `<details>` opened or a window narrowed are all seen, and no layout is
 * forced in the middle of Svelte's update.
 */
export const scrollRegion: Attachment<HTMLElement> = (box) => {
  if (typeof ResizeObserver === 'undefined') return;
  const update = () => {
    const scrolls =
      box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
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
      box.setAttribute('aria-labelledby', caption.id);
    }
    box.setAttribute('role', 'region');
    box.tabIndex = 0;
  };
  const observer = new ResizeObserver(update);
  observer.observe(box);
  for (const child of box.children) observer.observe(child);
  return () => observer.disconnect();
};
