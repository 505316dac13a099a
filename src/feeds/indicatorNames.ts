/**
 * Catalogue indicators from the names people give them in their files' headers and cells:
 * "Nombre de profils MES ouverts", "Comptes créés", "Espaces santé activés", "Taux d'activation
 * (%)", "Documents envoyés au DMP", "Appels INSi"… Each rule needs the words that tell the
 * indicator apart (a subject and what happened to it); a name the rules do not cover is still
 * read when it is an indicator's id or its exact French or English label.
 */
import { indicatorById, type Indicator } from '../model/indicators';

/** Lower case, no accents, words split by single spaces ("Taux d'activation (%)" -> "taux d activation"). */
export function nameWords(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const PROFILES = /\b(profils?|comptes?|espaces? sante|mes|mon espace sante)\b/;
const OPENED = /\b(ouverts?|ouvertures?|crees?|creations?|open|opened|created)\b/;
const ACTIVATED = /\b(actives?|activations?|activated)\b/;
const DOCUMENTS = /\b(documents?|docs?)\b/;
const SENT = /\b(envoyes?|envois?|alimentes?|alimentation|deposes?|depots?|sent|deposited)\b/;
const PER_MONTH = /\b(mois|mensuels?|month|monthly)\b/;
const SINCE_START = /\b(cumul|cumules?|cumulative|depuis|total)\b/;
const INSI = /\binsi\b/;
const CALLS = /\b(appels?|calls?|requetes?|requests?)\b/;

/** Rules in order: rates before the counts whose words they share. */
const RULES: { id: string; test: (w: string) => boolean }[] = [
  {
    id: 'mes_activation_rate',
    test: (w) => /\btaux\b/.test(w) && ACTIVATED.test(w),
  },
  { id: 'mes_activation_rate', test: (w) => /\bactivation rate\b/.test(w) },
  { id: 'mes_opposition_rate', test: (w) => /\b(taux d opposition|opt out rate)\b/.test(w) },
  {
    id: 'mes_profiles_open',
    test: (w) => PROFILES.test(w) && OPENED.test(w) && !/\b(taux|part)\b/.test(w),
  },
  {
    id: 'mes_profiles_activated',
    test: (w) => PROFILES.test(w) && ACTIVATED.test(w) && !/\b(taux|part|mois|month)\b/.test(w),
  },
  {
    id: 'dmp_docs_cumulative',
    test: (w) => DOCUMENTS.test(w) && SENT.test(w) && SINCE_START.test(w),
  },
  {
    id: 'dmp_docs_sent_per_month',
    test: (w) => DOCUMENTS.test(w) && SENT.test(w) && PER_MONTH.test(w),
  },
  {
    id: 'dmp_docs_sent_per_month',
    test: (w) => DOCUMENTS.test(w) && SENT.test(w) && !/\bpart\b/.test(w),
  },
  {
    id: 'insi_calls_in_half_year',
    test: (w) => INSI.test(w) && CALLS.test(w) && /\b(semestre|half)\b/.test(w),
  },
  { id: 'insi_calls_per_month', test: (w) => INSI.test(w) && CALLS.test(w) },
  {
    id: 'insi_equipped_structures',
    test: (w) => INSI.test(w) && /\b(structures?|etablissements?)\b/.test(w),
  },
];

/**
 * The indicator a header or a cell names: by id, by exact label (catalogue, or `extra`, the
 * feed's own indicators), then by the rules above; undefined when nothing fits.
 */
export function recogniseIndicator(
  name: string,
  extra?: ReadonlyMap<string, Indicator>,
): Indicator | undefined {
  const s = name.trim();
  const byId = indicatorById.get(s) ?? extra?.get(s);
  if (byId) return byId;
  const words = nameWords(s);
  if (!words) return undefined;
  const byLabel = labels(extra).get(words);
  if (byLabel) return byLabel;
  for (const rule of RULES) if (rule.test(words)) return indicatorById.get(rule.id);
  return undefined;
}

let catalogueLabels: Map<string, Indicator> | undefined;
let catalogueSize = 0;

function labels(extra?: ReadonlyMap<string, Indicator>): Map<string, Indicator> {
  // Built once per state of the registry (user indicators may be added at run time).
  if (!catalogueLabels || catalogueSize !== indicatorById.size) {
    catalogueLabels = new Map();
    for (const i of indicatorById.values()) {
      catalogueLabels.set(nameWords(i.label.fr), i);
      catalogueLabels.set(nameWords(i.label.en), i);
    }
    catalogueSize = indicatorById.size;
  }
  if (!extra?.size) return catalogueLabels;
  const all = new Map(catalogueLabels);
  for (const i of extra.values()) {
    all.set(nameWords(i.label.fr), i);
    all.set(nameWords(i.label.en), i);
  }
  return all;
}
