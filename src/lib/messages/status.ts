/**
 * Messages of the data status line: shown on every page from the first paint, so they load with
 * the app (the Sources page's own messages load with that page).
 * French is the reference; English must have every key.
 */
export const fr = {
  'status.label': 'État des données',
  'status.loading': 'Chargement des données…',
  'status.refreshing': 'Données en cache affichées ; actualisation en cours…',
  'status.fresh': 'À jour {ago}.',
  'status.refreshingOf': 'Actualisation : {done} flux sur {total}',
  'status.next': 'Prochaine actualisation {when}',
  'status.refreshNow': 'Actualiser maintenant',
  'status.failedFeed': 'Flux « {feed} » :',
  'status.issueRow': 'ligne {row}',
  'status.issueColumn': 'colonne « {column} »',
  'status.issueAt': '{where} :',
  'status.quota':
    'L’espace de stockage de ce navigateur est plein : les nouvelles données n’ont pas pu être enregistrées. Les données précédentes sont conservées. Libérez de la place (autres sites, fichiers importés) puis actualisez.',
  'status.errorKept': 'Actualisation impossible : les données affichées ont été vérifiées {ago}.',
  'status.errorKeptUndated':
    'Actualisation impossible : les dernières données valides restent affichées.',
  'status.errorEmpty': 'Impossible de charger les données :',
  'status.details': 'Détails sur la page Sources',
  'status.unexpected': 'erreur inattendue ; message technique :',
  'status.storageUnavailable':
    'ce navigateur refuse le stockage local (navigation privée ou réglage) : les données ne peuvent pas être gardées.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'status.label': 'Data status',
  'status.loading': 'Loading data…',
  'status.refreshing': 'Showing cached data; refreshing…',
  'status.fresh': 'Up to date {ago}.',
  'status.refreshingOf': 'Refreshing: {done} of {total} feeds',
  'status.next': 'Next refresh {when}',
  'status.refreshNow': 'Refresh now',
  'status.failedFeed': 'Feed “{feed}”:',
  'status.issueRow': 'row {row}',
  'status.issueColumn': 'column “{column}”',
  'status.issueAt': '{where}:',
  'status.quota':
    'This browser’s storage is full: the new data could not be saved. The previous data is kept. Free some space (other sites, imported files), then refresh.',
  'status.errorKept': 'Refresh failed: the data shown was checked {ago}.',
  'status.errorKeptUndated': 'Refresh failed: the last valid data stays on screen.',
  'status.errorEmpty': 'Could not load the data:',
  'status.details': 'Details on the Sources page',
  'status.unexpected': 'unexpected error; technical message:',
  'status.storageUnavailable':
    'this browser refuses local storage (private browsing or a setting): the data cannot be kept.',
};
