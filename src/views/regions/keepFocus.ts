/**
 * Keeps the keyboard focus on a control across a re-mount of the page. App.svelte's page loader
 * reads the whole router.state, so every navigate() currently re-mounts the page on screen; a
 * keyboard user moving a slider or ticking a box would otherwise land back at the top.
 * Controls are found again by their data-testid.
 */
let pending: { testId: string; until: number } | undefined;

/** Before a navigate(): remembers the focused control, if it has a data-testid. */
export function rememberFocus(): void {
  const active = document.activeElement as HTMLElement | null;
  const testId = active?.dataset.testid;
  pending = testId ? { testId, until: performance.now() + 1000 } : undefined;
}

/** On mount: gives the focus back to the control remembered just before. */
export function restoreFocus(): void {
  if (pending && performance.now() < pending.until) {
    document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(pending.testId)}"]`)?.focus();
  }
  pending = undefined;
}
