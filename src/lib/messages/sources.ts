/** Messages of the Status line and Sources page. French is the reference; English must have every key. */
export const fr = {
  'status.loading': 'Chargement des données…',
  'status.refreshing': 'Données en cache affichées ; actualisation en cours…',
  'status.fresh': 'Données à jour (vérifiées {ago}).',
  'status.errorKept':
    'Actualisation impossible : les données affichées sont celles vérifiées {ago}.',
  'status.errorKeptUndated':
    'Actualisation impossible : les dernières données valides restent affichées.',
  'status.errorEmpty': 'Impossible de charger les données :',
  'status.details': 'Détails sur la page Sources',
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

export const en: Record<keyof typeof fr, string> = {
  'status.loading': 'Loading data…',
  'status.refreshing': 'Showing cached data; refreshing…',
  'status.fresh': 'Data up to date (checked {ago}).',
  'status.errorKept': 'Refresh failed: the data shown was checked {ago}.',
  'status.errorKeptUndated': 'Refresh failed: the last valid data stays on screen.',
  'status.errorEmpty': 'Could not load the data:',
  'status.details': 'Details on the Sources page',
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
