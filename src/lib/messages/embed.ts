/** Messages of embed mode (`?embed=1`). French is the reference; English must have every key. The
 * embed view registers them when it loads (see ../i18n.svelte.ts). */
import { addMessages } from './loaded';

export const fr = {
  'embed.notFound': 'Ce graphique n’existe pas sur cette page : « {chart} ».',
  'embed.noCharts': 'Cette page n’a pas de graphique à intégrer.',
  'embed.choose': 'Graphiques disponibles :',
  'embed.back': 'Voir le tableau de bord complet',
  'embed.sources': 'Sources :',
  'embed.noSource': 'Sources : aucun chiffre publié pour ce graphique.',
  'embed.loading': 'Chargement…',
  'embed.loadFailed': 'Ce graphique n’a pas pu être chargé ({reason}).',
  'embed.chart.mes-profiles': 'Profils Mon espace santé ouverts et activés (France)',
  'embed.chart.mes-rate': 'Taux d’activation de Mon espace santé (France)',
  'embed.chart.dmp-docs': 'Documents envoyés au DMP chaque mois',
  'embed.chart.insi-calls': 'Appels au téléservice INSi chaque mois',
  'embed.chart.region-map': 'Carte des régions',
  'embed.chart.region-ranking': 'Classement des régions',
  'embed.chart.region-rate': 'Taux d’activation : la région et la France',
  'embed.chart.region-activated': 'Profils activés : la région et la France',
  'embed.chart.region-open': 'Profils ouverts : la région et la France',
  'embed.chart.department-map': 'Carte des départements de la région',
  'embed.chart.region-compare': 'La région et les régions comparées',
  'embed.chart.activation-target': 'Suivi de l’activation : progression vers l’objectif',
  'embed.chart.activation-profiles': 'Profils ouverts et activés',
  'embed.chart.activation-rate': 'Taux d’activation',
  'embed.chart.activation-monthly': 'Activations par mois',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'embed.notFound': 'This page has no chart “{chart}”.',
  'embed.noCharts': 'This page has no chart to embed.',
  'embed.choose': 'Charts available:',
  'embed.back': 'See the full dashboard',
  'embed.sources': 'Sources:',
  'embed.noSource': 'Sources: no figure published for this chart.',
  'embed.loading': 'Loading…',
  'embed.loadFailed': 'This chart could not be loaded ({reason}).',
  'embed.chart.mes-profiles': 'Mon espace santé profiles open and activated (France)',
  'embed.chart.mes-rate': 'Mon espace santé activation rate (France)',
  'embed.chart.dmp-docs': 'Documents sent to the DMP each month',
  'embed.chart.insi-calls': 'Calls to the INSi teleservice each month',
  'embed.chart.region-map': 'Map of the regions',
  'embed.chart.region-ranking': 'Regions ranked',
  'embed.chart.region-rate': 'Activation rate: the region and France',
  'embed.chart.region-activated': 'Profiles activated: the region and France',
  'embed.chart.region-open': 'Profiles open: the region and France',
  'embed.chart.department-map': 'Map of the region’s departments',
  'embed.chart.region-compare': 'The region and the regions compared',
  'embed.chart.activation-target': 'Activation tracker: progress towards the target',
  'embed.chart.activation-profiles': 'Profiles open and activated',
  'embed.chart.activation-rate': 'Activation rate',
  'embed.chart.activation-monthly': 'Activations a month',
};

addMessages(fr, en);
