/**
 * The current view state, kept in step with the address bar (see `urlState.ts` for the format).
 * Views read `router.state` and change it only through `navigate`, so the URL always says what is
 * on screen and any view can be shared as it is.
 */
import { i18n } from './i18n.svelte';
import { DEFAULT_STATE, parseViewState, serializeViewState, type ViewState } from './urlState';

function currentState(): ViewState {
  if (typeof location === 'undefined') return parseViewState('', '');
  return parseViewState(location.search, location.hash);
}

export const router = $state({ state: currentState() });

/**
 * Moves to a new view state. `replace` (for sliders, toggles, anything that changes many times a
 * second) rewrites the current history entry instead of adding one.
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
        chart: undefined,
        perCapita: false,
      },
      change,
      kept,
    );
  }
  router.state = next;
  const hash = serializeViewState(next);
  if (typeof location === 'undefined' || location.hash === hash) return;
  if (replace) history.replaceState(history.state, '', hash);
  else location.hash = hash;
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
    router.state = currentState();
    if (router.state.lang && router.state.lang !== i18n.lang) i18n.setLang(router.state.lang);
  });
}
