/** Messages of the Overview page. French is the reference; English must have every key. */
export const fr = {
  'overview.title': 'Aperçu',
  'overview.lede':
    'Chiffres nationaux publiés sur Mon espace santé, le DMP et l’INSi. Les dates sont irrégulières : chaque point est un chiffre publié, placé à sa date, avec sa source. Les formes disent s’il est exact, approximatif ou un minimum.',
  'overview.kpis': 'Chiffres clés',
  'overview.kpisIntro':
    'Le dernier chiffre publié de chaque série, avec sa date et sa source. Ils ne datent pas tous du même jour.',
  'overview.chartsTitle': 'Les séries dans le temps',
  'overview.tapHint':
    'Touchez ou survolez un point pour voir sa valeur, sa date et sa source ; « Voir les données » ouvre le tableau.',
  'overview.groupTitle': 'Autres périmètres',
  'overview.groupText':
    'Ces chiffres portent sur plusieurs départements ensemble (les trois départements pilotes de 2021) : ils sont listés ici et ne sont jamais dessinés sur une carte.',
  'overview.empty': 'Aucune donnée disponible pour le moment.',

  'overview.mesTitle': 'Mon espace santé : profils ouverts et activés',
  'overview.mesDesc':
    'Combien de personnes ont un profil Mon espace santé (ouvert) et combien s’en servent (activé). L’écart entre les deux séries, ce sont les profils que leur titulaire n’a pas encore activés.',
  'overview.rateTitle': 'Mon espace santé : taux d’activation',
  'overview.rateDesc':
    'La part des profils ouverts que leur titulaire a activés. Elle est calculée seulement quand les deux chiffres portent sur la même date ; les taux publiés sont montrés tels quels.',
  'overview.rateComputed': 'Taux calculé (activés / ouverts)',
  'overview.ratePublished': 'Taux publié',
  'overview.dmpTitle': 'DMP : documents envoyés par mois',
  'overview.dmpDesc':
    'Combien de documents de santé les soignants envoient chaque mois dans le DMP, au total et par secteur quand la source le précise. Plus la série monte, plus les documents sont partagés.',
  'overview.insiTitle': 'INSi : appels au téléservice par mois',
  'overview.insiDesc':
    'Combien de fois par mois les logiciels de santé interrogent le téléservice INSi pour trouver ou vérifier l’identité nationale de santé d’un patient. La hausse montre que l’INS se diffuse dans les structures de soins.',

  'overview.explainTitle': 'Comprendre',
  'overview.mesName': 'Mon espace santé',
  'overview.mesWhat':
    'L’espace numérique de santé de chaque assuré, proposé par l’Assurance Maladie et le ministère chargé de la santé. On y trouve les documents déposés par les soignants (le DMP), ceux que l’on ajoute soi-même et un profil médical que l’on peut compléter. Après un essai en 2021 dans trois départements (Haute-Garonne, Loire-Atlantique, Somme), un profil a été ouvert pour chaque personne qui ne s’y est pas opposée. Le profil est « activé » quand la personne s’y connecte.',
  'overview.mesChart':
    'Les graphiques « profils ouverts et activés » et « taux d’activation » suivent combien de personnes l’utilisent vraiment.',
  'overview.dmpName': 'DMP (dossier médical partagé)',
  'overview.dmpWhat':
    'Le dossier de santé numérique consultable dans Mon espace santé. Laboratoires, hôpitaux, cabinets de radiologie et d’imagerie, médecins de ville et pharmacies y déposent des documents : résultats de biologie, comptes rendus d’imagerie, documents de sortie d’hôpital, ordonnances.',
  'overview.dmpChart':
    'Le graphique « DMP » compte les documents envoyés chaque mois : il montre si les soignants partagent leurs documents.',
  'overview.insiName': 'INS et INSi',
  'overview.insiWhat':
    'L’identité nationale de santé (INS) est la même identité d’un patient pour tous les professionnels et tous les logiciels de santé, afin que chaque document soit rattaché à la bonne personne. Le téléservice INSi permet aux logiciels des établissements et des professionnels de retrouver ou de vérifier cette identité.',
  'overview.insiChart':
    'Le graphique « INSi » compte les appels à ce téléservice par mois : il montre si les structures de soins utilisent l’INS.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'overview.title': 'Overview',
  'overview.lede':
    'National figures published on Mon espace santé, the DMP and INSi. Dates are irregular: each point is a published figure, at its date, with its source. Shapes tell whether it is exact, approximate or a lower bound.',
  'overview.kpis': 'Key figures',
  'overview.kpisIntro':
    'The latest published figure of each series, with its date and source. They do not all date from the same day.',
  'overview.chartsTitle': 'The series over time',
  'overview.tapHint':
    'Tap or hover over a point to see its value, date and source; “Show data” opens the table.',
  'overview.groupTitle': 'Other scopes',
  'overview.groupText':
    'These figures cover several departments together (the three 2021 pilot departments): they are listed here and never drawn on a map.',
  'overview.empty': 'No data available yet.',

  'overview.mesTitle': 'Mon espace santé: profiles open and activated',
  'overview.mesDesc':
    'How many people have a Mon espace santé profile (open) and how many use it (activated). The gap between the two series is the profiles their owners have not activated yet.',
  'overview.rateTitle': 'Mon espace santé: activation rate',
  'overview.rateDesc':
    'The share of open profiles that their owners have activated. It is computed only where both figures refer to the same date; published rates are shown as published.',
  'overview.rateComputed': 'Computed rate (activated / open)',
  'overview.ratePublished': 'Published rate',
  'overview.dmpTitle': 'DMP: documents sent per month',
  'overview.dmpDesc':
    'How many health documents carers send to the DMP each month, in total and by sector where the source says. The higher the series, the more documents are shared.',
  'overview.insiTitle': 'INSi: calls to the teleservice per month',
  'overview.insiDesc':
    'How many times a month health software asks the INSi teleservice to find or check a patient’s national health identity. A rise shows the INS spreading through care providers.',

  'overview.explainTitle': 'What these are',
  'overview.mesName': 'Mon espace santé',
  'overview.mesWhat':
    'The digital health space of every insured person in France, offered by the national health insurance (Assurance Maladie) and the health ministry. It holds the documents carers deposit (the DMP), those people add themselves, and a medical profile they can fill in. After a trial in 2021 in three departments (Haute-Garonne, Loire-Atlantique, Somme), a profile was opened for everyone who did not object. A profile is “activated” when its owner signs in.',
  'overview.mesChart':
    'The “profiles open and activated” and “activation rate” charts follow how many people really use it.',
  'overview.dmpName': 'DMP (shared medical record)',
  'overview.dmpWhat':
    'The digital health record people read in Mon espace santé. Laboratories, hospitals, radiology and imaging practices, community doctors and pharmacies deposit documents in it: laboratory results, imaging reports, hospital discharge documents, prescriptions.',
  'overview.dmpChart':
    'The “DMP” chart counts the documents sent each month: it shows whether carers share their documents.',
  'overview.insiName': 'INS and INSi',
  'overview.insiWhat':
    'The national health identity (INS) is one identity of a patient shared by every professional and every piece of health software, so that each document is filed under the right person. The INSi teleservice lets the software of care providers find or check that identity.',
  'overview.insiChart':
    'The “INSi” chart counts calls to this teleservice per month: it shows whether care providers use the INS.',
};
