/** Messages of the Overview page. French is the reference; English must have every key. */
export const fr = {
  'overview.title': 'Aperçu',
  'overview.lede':
    'Chiffres nationaux publiés sur Mon espace santé, le DMP et l’INSi. Les dates sont irrégulières : chaque point est un chiffre publié, placé à sa date, avec sa source. Les formes disent s’il est exact, approximatif ou un minimum.',
  'overview.kpis': 'Chiffres clés',
  'overview.groupTitle': 'Autres périmètres',
  'overview.groupText':
    'Ces chiffres portent sur plusieurs départements ensemble (les trois départements pilotes de 2021) : ils sont listés ici et ne sont jamais dessinés sur une carte.',
  'overview.empty': 'Aucune donnée disponible pour le moment.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'overview.title': 'Overview',
  'overview.lede':
    'National figures published on Mon espace santé, the DMP and INSi. Dates are irregular: each point is a published figure, at its date, with its source. Shapes tell whether it is exact, approximate or a lower bound.',
  'overview.kpis': 'Key figures',
  'overview.groupTitle': 'Other scopes',
  'overview.groupText':
    'These figures cover several departments together (the three 2021 pilot departments): they are listed here and never drawn on a map.',
  'overview.empty': 'No data available yet.',
};
