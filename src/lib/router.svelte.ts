/**
 * The current view state, kept in step with the address bar (see `urlState.ts` for the format).
 * Views read `router.state` and change it only through `navigate`, so the URL says what is on
 * screen (a control's step from the frame that shows it) and any view can be shared as it is.
 */
import { i18n } from './i18n.svelte';
import { afterNextPaint } from './nextPaint';
import { DEFAULT_STATE, parseViewState, serializeViewState, type ViewState } from './urlState';

function currentState(): ViewState {
  if (typeof location === 'undefined') return parseViewState('', '');
  return parseViewState(location.search, location.hash);
}

export const router = $state({ state: currentState() });

/**
 * A control step not yet written to the address (see `navigate`): its address, and the address of
 * the entry it was made on, which it is to rewrite.
 */
let pending: { hash: string; over: string } | undefined;

/** Writes the waiting step, if any, over the entry it was made on. */
function writePending(): void {
  const step = pending;
  pending = undefined;
  // The address moved on meanwhile (a link followed, Back, before its hashchange has arrived):
  // the step belonged to the entry that was left, and is not written over this one.
  if (step && location.hash === step.over && step.hash !== step.over)
    history.replaceState(history.state, '', step.hash);
}

/**
 * Moves to a new view state. `replace` (for sliders, toggles, anything that changes many times a
 * second) rewrites the current history entry instead of adding one, once the new view is painted:
 * the history call costs the reader 1 to 2 ms of a map switch otherwise, and steps between two
 * frames (a slider dragged or playing) write the address once, which also keeps clear of the
 * browser's limit on history calls. A new entry, the page going away, or a new address from
 * outside settle the waiting step first.
 */
export function navigate(change: Partial<ViewState>, { replace = false } = {}): void {
  const next: ViewState = { ...router.state, ...change };
  // A page change drops the page-specific parameters of the previous page, except the language.
  if (change.page !== undefined && change.page !== router.state.page) {
    const kept = { lang: next.lang, embed: next.embed };
    Object.assign(
      next,
      {
        indicator: undefined,
        date: undefined,
        compare: [],
        geo: undefined,
        target: undefined,
        targetRate: undefined,
        outreachStart: undefined,
        chart: undefined,
        perCapita: false,
      },
      change,
      kept,
    );
  }
  router.state = next;
  if (typeof location === 'undefined') return;
  const hash = serializeViewState(next);
  if (replace) {
    if (pending) pending.hash = hash;
    else {
      pending = { hash, over: location.hash };
      void afterNextPaint().then(writePending);
    }
    return;
  }
  // The step before this move belongs to the entry being left.
  writePending();
  if (location.hash !== hash) location.hash = hash;
}

// A link keeps the current view's language and embed mode, nothing else. Read through these
// deriveds, a link is computed again when one of them changes, not on every navigate (router.state
// is replaced whole by each one: every slider step would otherwise rebuild every link).
const linkLang = $derived(router.state.lang);
const linkEmbed = $derived(router.state.embed);

/** The address of a view, for links (`<a href={hrefOf(...)}>`). */
export function hrefOf(change: Partial<ViewState> & Pick<ViewState, 'page'>): string {
  return serializeViewState({ ...DEFAULT_STATE, lang: linkLang, embed: linkEmbed, ...change });
}

if (typeof window !== 'undefined') {
  const initial = router.state.lang;
  if (initial) i18n.setLang(initial);
  window.addEventListener('hashchange', () => {
    if (pending) {
      // Still the address the waiting step was made on: this page's own move (a step is made
      // after the move it follows), and router.state already says more than the address.
      if (location.hash === pending.over) return;
      // Back, Forward or an address from outside: the waiting step belonged to the entry that
      // was left, and is dropped rather than written over this one.
      pending = undefined;
    }
    router.state = currentState();
    if (router.state.lang && router.state.lang !== i18n.lang) i18n.setLang(router.state.lang);
  });
  // Leaving the page, or the tab hidden (no more frames to wait for; a phone may then close it):
  // the waiting step is written now.
  window.addEventListener('pagehide', writePending);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') writePending();
  });
}
