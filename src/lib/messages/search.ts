/** Messages of the place search (header). French is the reference; English must have every key.
 * The search registers them when it loads (see ../i18n.svelte.ts); its label and placeholder,
 * shown in the first paint, are in the core messages (nav.search…). */
import { addMessages } from './loaded';

export const fr = {
  'search.listLabel': 'Lieux trouvés',
  'search.loading': 'Chargement des communes…',
  'search.loadFailed': 'La liste des communes n’a pas pu être chargée ({reason}).',
  'search.none': 'Aucun lieu trouvé.',
  'search.count': '{count} lieux trouvés. Flèches haut et bas pour parcourir, Entrée pour ouvrir.',
  'search.countOne': '1 lieu trouvé. Entrée pour l’ouvrir.',
  'search.region': 'Région · sa page',
  'search.departement': 'Département {code} · suivi de l’activation',
  'search.commune': '{postalCodes} · {departement}',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'search.listLabel': 'Places found',
  'search.loading': 'Loading the communes…',
  'search.loadFailed': 'The list of communes could not be loaded ({reason}).',
  'search.none': 'No place found.',
  'search.count': '{count} places found. Up and down arrows to browse, Enter to open.',
  'search.countOne': '1 place found. Enter to open it.',
  'search.region': 'Region · its page',
  'search.departement': 'Department {code} · activation tracker',
  'search.commune': '{postalCodes} · {departement}',
};

addMessages(fr, en);
