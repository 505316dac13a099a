/**
 * A tiny i18n: one flat dictionary per language. French is the reference: its keys define
 * `MessageKey`, and English must provide every one of them (the type checker and a test say so).
 * `{name}` in a message is replaced by `params.name`.
 *
 * Each area of the app keeps its messages in `messages/<area>.ts` (its own key prefix); shared ones
 * (app, nav, chart, legend, kpi, footer) are here. To add a string: add the key to `fr` and `en`.
 *
 * What the first paint shows (this file, the overview, the status line, sharing) loads with the app.
 * The other pages' messages (activation, feeds, regions, sources) load with their page: each of
 * those modules registers itself with `addMessages` (messages/loaded.ts) when imported, and every module that uses its
 * keys imports it (`import '../lib/messages/regions'`), so a page never renders before its words.
 */
import { LANGS, pluralCategory, type Lang } from './format';
import type * as activation from './messages/activation';
import type * as embed from './messages/embed';
import type * as feeds from './messages/feeds';
import * as overview from './messages/overview';
import type * as regions from './messages/regions';
import type * as search from './messages/search';
import * as share from './messages/share';
import type * as sources from './messages/sources';
import * as status from './messages/status';
import { addMessages, loadedMessages } from './messages/loaded';

export type { Lang } from './format';

const core = {
  'chart.showTable': 'Voir les données',
  'chart.noData': 'pas de données',
  'chart.source': 'Source',
  'chart.period': 'Période',
  'chart.value': 'Valeur',
  'chart.series': 'Série',
  'chart.qualifier': 'Nature',
  'chart.note': 'Citation ou calcul',
  'chart.derived': 'calculé : {inputs}',
  'chart.derivedShort': 'calculé',
  'chart.summary': '{title} : {count} points, de {from} à {to}',
  'chart.summaryOne': '{title} : 1 point, {from}',
  'chart.summaryEmpty': '{title} : pas de données',
  'chart.sourceLine': 'Source : {source}',
  'chart.pointLabel': '{series}, {period} : {value} (source : {source})',
  'chart.legend': 'Légende',
  'chart.tableCaption': '{title} : données',
  'chart.disputedPoint': 'chiffre discuté, {count} valeurs publiées',
  'chart.disputedLegend':
    'chiffre discuté : d’autres sources publient une autre valeur (détail au survol et sur la page Sources)',
  'chart.disputedHeading': 'Chiffre discuté : d’autres sources publient une autre valeur',
  'chart.disputedLine': '{value} ({period}, source : {source})',
  'legend.exact': 'exact',
  'legend.about': 'environ',
  'legend.moreThan': 'plus de',
  'legend.lessThan': 'moins de',
  'kpi.asOf': 'Date du chiffre : {date}',
  'kpi.source': 'Source :',
  'kpi.rankOf': '{rank} sur 18 régions',
  'kpi.spread':
    'Ces chiffres ne sont pas du même moment : du plus ancien ({from}) au plus récent ({to}). Chacun est le dernier publié pour sa série ; sa carte en donne la date.',
  'app.tagline': 'Les chiffres publics du Ségur du numérique en santé',
  'nav.label': 'Navigation principale',
  'nav.skip': 'Aller au contenu',
  'nav.overview': 'Aperçu',
  'nav.sources': 'Sources',
  'nav.regions': 'Régions',
  'nav.activation': 'Activation',
  'nav.feeds': 'Flux de données',
  'nav.loading': 'Chargement de la page…',
  'nav.loadFailed':
    'Cette page n’a pas pu être chargée ({reason}). Rechargez la page pour réessayer.',
  'nav.otherLanguage': 'English',
  'nav.search': 'Rechercher un lieu : commune, code postal, département ou région',
  'nav.searchPlaceholder': 'Commune, code postal…',
  'footer.text':
    'Ségur Pulse : chiffres publiés par les organismes cités, chacun avec sa source et sa date. Ce n’est pas une série statistique officielle.',
} as const;

const fr = {
  ...core,
  ...overview.fr,
  ...status.fr,
  ...share.fr,
};

/** Every key of every area, loaded or not: the type checker knows them all. */
export type MessageKey =
  | keyof typeof fr
  | keyof typeof sources.fr
  | keyof typeof regions.fr
  | keyof typeof activation.fr
  | keyof typeof embed.fr
  | keyof typeof search.fr
  | keyof typeof feeds.fr;
export type Messages = Record<MessageKey, string>;

const coreEn: Record<keyof typeof core, string> = {
  'chart.showTable': 'Show data',
  'chart.noData': 'no data',
  'chart.source': 'Source',
  'chart.period': 'Period',
  'chart.value': 'Value',
  'chart.series': 'Series',
  'chart.qualifier': 'Kind',
  'chart.note': 'Quote or calculation',
  'chart.derived': 'computed: {inputs}',
  'chart.derivedShort': 'computed',
  'chart.summary': '{title}: {count} points, from {from} to {to}',
  'chart.summaryOne': '{title}: 1 point, {from}',
  'chart.summaryEmpty': '{title}: no data',
  'chart.sourceLine': 'Source: {source}',
  'chart.pointLabel': '{series}, {period}: {value} (source: {source})',
  'chart.legend': 'Legend',
  'chart.tableCaption': '{title}: data',
  'chart.disputedPoint': 'disputed figure, {count} published values',
  'chart.disputedLegend':
    'disputed figure: other sources publish another value (details on hover and on the Sources page)',
  'chart.disputedHeading': 'Disputed figure: other sources publish another value',
  'chart.disputedLine': '{value} ({period}, source: {source})',
  'legend.exact': 'exact',
  'legend.about': 'about',
  'legend.moreThan': 'more than',
  'legend.lessThan': 'less than',
  'kpi.asOf': 'Date of the figure: {date}',
  'kpi.source': 'Source:',
  'kpi.rankOf': '{rank} of 18 regions',
  'kpi.spread':
    'These figures are not of the same moment: from the oldest ({from}) to the latest ({to}). Each is the latest published for its series; its card gives its date.',
  'app.tagline': 'Public figures of France’s Ségur e-health programme',
  'nav.label': 'Main navigation',
  'nav.skip': 'Skip to content',
  'nav.overview': 'Overview',
  'nav.sources': 'Sources',
  'nav.regions': 'Regions',
  'nav.activation': 'Activation',
  'nav.feeds': 'Data feeds',
  'nav.loading': 'Loading the page…',
  'nav.loadFailed': 'This page could not be loaded ({reason}). Reload the page to try again.',
  'nav.otherLanguage': 'Français',
  'nav.search': 'Find a place: commune, postal code, department or region',
  'nav.searchPlaceholder': 'Commune, postal code…',
  'footer.text':
    'Ségur Pulse: figures published by the bodies cited, each with its source and date. This is not an official statistical series.',
};

const en: Record<keyof typeof fr, string> = {
  ...coreEn,
  ...overview.en,
  ...status.en,
  ...share.en,
};
addMessages(fr, en);

/** The messages loaded so far (a page's own arrive with it). */
export const messages = loadedMessages as Record<Lang, Partial<Messages>>;

export type MessageParams = Record<string, string | number>;

/** The message in a given language: for components that receive `lang` as a prop. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = messages[lang][key] ?? messages.fr[key] ?? key;
  if (!params) return text;
  // Unknown placeholders stay visible, so a missing parameter is noticed rather than hidden.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Keys with a `.one` and an `.other` form: `regions.sparse` for `regions.sparse.one|other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * A message whose words agree with a count (`Intl.PluralRules`): `{count}` is given to it.
 * fr « 1 région a », « 3 régions ont »; never « région(s) ».
 */
export function translatePlural(
  lang: Lang,
  key: PluralKey,
  count: number,
  params: MessageParams = {},
): string {
  const form = `${key}.${pluralCategory(count, lang)}` as MessageKey;
  return translate(lang, form, { count, ...params });
}

export const LANG_STORAGE_KEY = 'segur-pulse:lang';

function isLang(value: unknown): value is Lang {
  return LANGS.includes(value as Lang);
}

function storedLang(): Lang | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return isLang(value) ? value : undefined;
  } catch {
    // Storage can throw (privacy modes, sandboxed frames): the default language will do.
    return undefined;
  }
}

class I18n {
  lang = $state<Lang>(storedLang() ?? 'fr');

  setLang(lang: Lang): void {
    if (!isLang(lang)) return;
    this.lang = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Not persisting is acceptable; the choice still holds for this visit.
    }
  }

  /** Arrow function so `t` can be passed around detached from the object. */
  t = (key: MessageKey, params?: MessageParams): string => translate(this.lang, key, params);
}

/** The app's current language, reactive: reading `i18n.lang` or `i18n.t(...)` in a template tracks it. */
export const i18n = new I18n();

export function t(key: MessageKey, params?: MessageParams): string {
  return i18n.t(key, params);
}
