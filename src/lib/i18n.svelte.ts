/**
 * A tiny i18n: one flat dictionary per language. French is the reference: its keys define
 * `MessageKey`, and English must provide every one of them (the type checker and a test say so).
 * `{name}` in a message is replaced by `params.name`.
 *
 * To add a string: add the key to `fr` and to `en`.
 */
import { LANGS, type Lang } from './format';

export type { Lang } from './format';

const fr = {
  'app.title': 'Ségur Pulse',

  'chart.showTable': 'Voir les données',
  'chart.noData': 'pas de données',
  'chart.source': 'Source',
  'chart.period': 'Période',
  'chart.value': 'Valeur',
  'chart.series': 'Série',
  'chart.qualifier': 'Nature',
  'chart.note': 'Note',
  'chart.derived': 'calculé : {inputs}',
  'chart.derivedShort': 'calculé',
  'chart.summary': '{title} : {count} points, de {from} à {to}',
  'chart.summaryOne': '{title} : 1 point, {from}',
  'chart.summaryEmpty': '{title} : pas de données',
  'chart.sourceLine': 'Source : {source}',
  'chart.noteLine': 'Note : {note}',
  'chart.pointLabel': '{series}, {period} : {value} (source : {source})',
  'chart.legend': 'Légende',
  'chart.tableCaption': '{title} : données',

  'legend.exact': 'exact',
  'legend.about': 'environ',
  'legend.moreThan': 'plus de',
  'legend.lessThan': 'moins de',

  'kpi.asOf': 'au {date}',
  'kpi.source': 'Source :',

  'app.tagline': 'Les chiffres publics du Ségur du numérique en santé',
  'nav.label': 'Navigation principale',
  'nav.skip': 'Aller au contenu',
  'nav.overview': 'Aperçu',
  'nav.sources': 'Sources',
  'nav.otherLanguage': 'English',
  'footer.text':
    'Ségur Pulse : chiffres publiés par les organismes cités, chacun avec sa source et sa date. Ce n’est pas une série statistique officielle.',

  'status.loading': 'Chargement des données…',
  'status.refreshing': 'Données en cache affichées ; actualisation en cours…',
  'status.fresh': 'Données à jour (vérifiées {ago}).',
  'status.errorKept':
    'Actualisation impossible : les données affichées sont celles vérifiées {ago}.',
  'status.errorKeptUndated':
    'Actualisation impossible : les dernières données valides restent affichées.',
  'status.errorEmpty': 'Impossible de charger les données :',
  'status.details': 'Détails sur la page Sources',

  'overview.title': 'Aperçu',
  'overview.lede':
    'Chiffres nationaux publiés sur Mon espace santé, le DMP et l’INSi. Les dates sont irrégulières : chaque point est un chiffre publié, placé à sa date, avec sa source. Les formes disent s’il est exact, approximatif ou un minimum.',
  'overview.kpis': 'Chiffres clés',
  'overview.groupTitle': 'Autres périmètres',
  'overview.groupText':
    'Ces chiffres portent sur plusieurs départements ensemble (les trois départements pilotes de 2021) : ils sont listés ici et ne sont jamais dessinés sur une carte.',
  'overview.empty': 'Aucune donnée disponible pour le moment.',

  'sources.title': 'Sources',
  'sources.lede':
    'Chaque flux de données, son état, et chaque publication d’où vient un chiffre affiché, avec les dates des chiffres qu’elle donne.',
  'sources.feeds': 'Flux de données',
  'sources.feedUrl': 'Adresse',
  'sources.homepage': 'Page d’origine',
  'sources.lastSuccess': 'Dernière actualisation réussie',
  'sources.lastAttempt': 'Dernière tentative',
  'sources.rows': 'Lignes',
  'sources.checksum': 'Empreinte',
  'sources.licence': 'Licence',
  'sources.lastError':
    'Échec de la dernière actualisation ({date}) ; les données précédentes sont conservées :',
  'sources.moreIssues': '… et {count} autres problèmes',
  'sources.publications': 'Publications citées ({count})',
  'sources.source': 'Adresse de la publication',
  'sources.publisher': 'Publié par',
  'sources.dates': 'Dates des chiffres',
  'sources.figures': 'Chiffres',
} as const;

export type MessageKey = keyof typeof fr;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.title': 'Ségur Pulse',

  'chart.showTable': 'Show data',
  'chart.noData': 'no data',
  'chart.source': 'Source',
  'chart.period': 'Period',
  'chart.value': 'Value',
  'chart.series': 'Series',
  'chart.qualifier': 'Kind',
  'chart.note': 'Note',
  'chart.derived': 'computed: {inputs}',
  'chart.derivedShort': 'computed',
  'chart.summary': '{title}: {count} points, from {from} to {to}',
  'chart.summaryOne': '{title}: 1 point, {from}',
  'chart.summaryEmpty': '{title}: no data',
  'chart.sourceLine': 'Source: {source}',
  'chart.noteLine': 'Note: {note}',
  'chart.pointLabel': '{series}, {period}: {value} (source: {source})',
  'chart.legend': 'Legend',
  'chart.tableCaption': '{title}: data',

  'legend.exact': 'exact',
  'legend.about': 'about',
  'legend.moreThan': 'more than',
  'legend.lessThan': 'less than',

  'kpi.asOf': 'as of {date}',
  'kpi.source': 'Source:',

  'app.tagline': 'Public figures of France’s Ségur e-health programme',
  'nav.label': 'Main navigation',
  'nav.skip': 'Skip to content',
  'nav.overview': 'Overview',
  'nav.sources': 'Sources',
  'nav.otherLanguage': 'Français',
  'footer.text':
    'Ségur Pulse: figures published by the bodies cited, each with its source and date. This is not an official statistical series.',

  'status.loading': 'Loading data…',
  'status.refreshing': 'Showing cached data; refreshing…',
  'status.fresh': 'Data up to date (checked {ago}).',
  'status.errorKept': 'Refresh failed: the data shown was checked {ago}.',
  'status.errorKeptUndated': 'Refresh failed: the last valid data stays on screen.',
  'status.errorEmpty': 'Could not load the data:',
  'status.details': 'Details on the Sources page',

  'overview.title': 'Overview',
  'overview.lede':
    'National figures published on Mon espace santé, the DMP and INSi. Dates are irregular: each point is a published figure, at its date, with its source. Shapes tell whether it is exact, approximate or a lower bound.',
  'overview.kpis': 'Key figures',
  'overview.groupTitle': 'Other scopes',
  'overview.groupText':
    'These figures cover several departments together (the three 2021 pilot departments): they are listed here and never drawn on a map.',
  'overview.empty': 'No data available yet.',

  'sources.title': 'Sources',
  'sources.lede':
    'Each data feed, its state, and each publication a figure on screen comes from, with the dates of its figures.',
  'sources.feeds': 'Data feeds',
  'sources.feedUrl': 'Address',
  'sources.homepage': 'Original page',
  'sources.lastSuccess': 'Last successful refresh',
  'sources.lastAttempt': 'Last attempt',
  'sources.rows': 'Rows',
  'sources.checksum': 'Checksum',
  'sources.licence': 'Licence',
  'sources.lastError': 'The last refresh failed ({date}); the previous data is kept:',
  'sources.moreIssues': '… and {count} more problems',
  'sources.publications': 'Publications cited ({count})',
  'sources.source': 'Publication address',
  'sources.publisher': 'Published by',
  'sources.dates': 'Dates of the figures',
  'sources.figures': 'Figures',
};

export const messages: Record<Lang, Messages> = { fr, en };

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
