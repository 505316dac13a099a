/** Messages of the Regions pages (map, ranking, region page). French is the reference; English must have every key. */
import { addMessages } from './loaded';

export const fr = {
  'regions.title': 'Régions',
  'regions.lede':
    'Où en est chaque région ? La carte montre, pour chaque région, le dernier chiffre publié à la date choisie, avec son âge. Les dates de publication sont irrégulières : une région peut n’avoir qu’un chiffre ancien, ou aucun.',
  'regions.controls': 'Choix de l’indicateur et de la date',
  'regions.indicator': 'Indicateur',
  'regions.perCapita': 'Pour 100 habitants',
  'regions.perCapitaUnit': 'pour 100 habitants',
  'regions.perCapitaNote': 'Rapporté à la population légale de l’INSEE ({source}).',
  'regions.date': 'Date',
  'regions.dateValue': 'au {date}',
  'regions.play': 'Lecture',
  'regions.pause': 'Pause',
  'regions.sparse.one':
    'Avec les données chargées, {count} région sur 18 a un chiffre pour cet indicateur : les autres sont hachurées, sans données (ce n’est pas zéro). Pour des séries régionales complètes, ajoutez un flux de données (par exemple l’export « données brutes » de la page transparence).',
  'regions.sparse.other':
    'Avec les données chargées, {count} régions sur 18 ont un chiffre pour cet indicateur : les autres sont hachurées, sans données (ce n’est pas zéro). Pour des séries régionales complètes, ajoutez un flux de données (par exemple l’export « données brutes » de la page transparence).',
  'regions.none':
    'Aucune région n’a de chiffre pour cet indicateur dans les données chargées. Pour des séries régionales, ajoutez un flux de données.',
  'regions.addFeed': 'Ajouter un flux de données',
  'regions.noneAtDate': 'Aucune région n’a encore de chiffre à cette date.',
  'regions.mapTitle': '{indicator} par région, au {date}',
  'regions.mapDescription':
    'Pour chaque région, le dernier chiffre publié à cette date. Hachures : pas de données. Choisissez une région (clic ou Entrée) pour l’ouvrir.',
  'regions.mapLabel': 'Carte des régions : {title}',
  'regions.noData': 'pas de données',
  'regions.valueWhen': '{name} : {value} {when}',
  'regions.noDataName': '{name} : pas de données',
  'regions.age': 'Âge du chiffre à cette date : {age}',
  'regions.ageSameDay': 'Chiffre de la date choisie',
  'regions.rankingTitle': 'Classement des régions, au {date}',
  'regions.rankingDescription':
    'Régions ayant un chiffre à cette date, de la plus haute à la plus basse ; chaque barre porte la date de son chiffre.',
  'regions.rankingSummary.one': '{title} : {count} région, {top}',
  'regions.rankingSummary.other': '{title} : {count} régions, de {top} à {bottom}',
  'regions.rankingEmpty': 'Aucune région à classer à cette date.',
  'regions.national': 'France : {value} ({date})',
  'regions.apart': 'à {age} du chiffre de la France',
  'regions.apartNote.one':
    'Le chiffre de {count} région est à plus de 3 mois de celui de la France ({date}) : {regions}. La comparaison est à lire avec prudence ; le tableau donne l’écart.',
  'regions.apartNote.other':
    'Les chiffres de {count} régions sont à plus de 3 mois de celui de la France ({date}) : {regions}. La comparaison est à lire avec prudence ; le tableau donne l’écart de chacune.',
  'regions.nationalNone': 'Pas de valeur nationale à cette date.',
  'regions.nationalNotComparable':
    'Un total national n’est pas comparable au chiffre d’une région : choisissez « pour 100 habitants » pour le voir comme référence.',
  'regions.colRegion': 'Région',
  'regions.colValue': 'Valeur',
  'regions.colPeriod': 'Date du chiffre',
  'regions.colAge': 'Âge',
  'regions.colRank': 'Rang',
  'regions.colDifference': 'Écart à la France',
  'regions.back': 'Toutes les régions',
  'regions.pageLede':
    '{name} comparée à la France. Chaque point est un chiffre publié, à sa date ; les taux sont recalculés à partir des nombres de même date, jamais moyennés.',
  'regions.vsFrance': '{indicator} : {name} et France',
  'regions.vsFranceDescription':
    'Mêmes axes pour la région et la France. Les nombres absolus de la France écrasent ceux d’une région : cochez « pour 100 habitants » pour les comparer.',
  'regions.departments': 'Départements',
  'regions.departmentsTitle': '{indicator} par département, au {date}',
  'regions.departmentsDescription':
    'Pour chaque département, le dernier chiffre publié à cette date. Hachures : pas de données. Choisissez un département pour ouvrir son suivi de l’activation. Les chiffres des départements ne forment le total de la région que s’ils sont tous publiés à la même date.',
  'regions.departmentsNone':
    'Aucun chiffre départemental pour cette région dans les données chargées.',
  'regions.mapLoading': 'Chargement de la carte…',
  'regions.mapFailed':
    'La carte n’a pas pu être chargée ({reason}). Les tableaux restent disponibles.',
  'regions.figures': 'Tous les chiffres de {name}',
  'regions.figuresDescription':
    'Chiffres publiés pour la région et ses départements, et chiffres calculés (sommes de départements, taux), chacun avec sa source.',
  'regions.figuresNone':
    'Aucun chiffre publié pour cette région dans les données chargées. Pour des séries régionales, ajoutez un flux de données.',
  'regions.compare': 'Comparer avec',
  'regions.compareHint': '4 régions au plus.',
  'regions.compareTitle': '{indicator} : {name} et régions comparées',
  'regions.compareDescription':
    'Un petit graphique par région, tous sur les mêmes échelles de temps et de valeurs.',
  'regions.compareEmpty': 'Choisissez jusqu’à 4 régions à comparer.',
  'regions.factsTitle': 'Autres chiffres publiés pour {name}',
  'regions.factsRanks': 'Rang parmi les régions',
  'regions.factsFeeding': 'Qui alimente le dossier médical partagé (DMP)',
  'regions.factsOutreach': 'Actions de terrain : un contexte, pas un taux d’adoption',
  'regions.factsOutreachNote':
    'Ces chiffres disent l’effort fait pour faire connaître Mon espace santé (personnes sensibilisées, ambassadeurs), pas combien de personnes l’ont activé ou l’utilisent.',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'regions.title': 'Regions',
  'regions.lede':
    'Where does each region stand? The map shows, for each region, the latest figure published by the chosen date, with its age. Publication dates are irregular: a region may have only an old figure, or none.',
  'regions.controls': 'Indicator and date',
  'regions.indicator': 'Indicator',
  'regions.perCapita': 'Per 100 inhabitants',
  'regions.perCapitaUnit': 'per 100 inhabitants',
  'regions.perCapitaNote': 'Divided by INSEE’s legal population ({source}).',
  'regions.date': 'Date',
  'regions.dateValue': 'as of {date}',
  'regions.play': 'Play',
  'regions.pause': 'Pause',
  'regions.sparse.one':
    'With the data loaded, {count} of 18 regions has a figure for this indicator: the others are hatched, no data (which is not zero). For complete regional series, add a data feed (for example the “données brutes” export of the transparency page).',
  'regions.sparse.other':
    'With the data loaded, {count} of 18 regions have a figure for this indicator: the others are hatched, no data (which is not zero). For complete regional series, add a data feed (for example the “données brutes” export of the transparency page).',
  'regions.none':
    'No region has a figure for this indicator in the data loaded. For regional series, add a data feed.',
  'regions.addFeed': 'Add a data feed',
  'regions.noneAtDate': 'No region has a figure yet at this date.',
  'regions.mapTitle': '{indicator} by region, as of {date}',
  'regions.mapDescription':
    'For each region, the latest figure published by that date. Hatched: no data. Choose a region (click or Enter) to open it.',
  'regions.mapLabel': 'Map of the regions: {title}',
  'regions.noData': 'no data',
  'regions.valueWhen': '{name}: {value} {when}',
  'regions.noDataName': '{name}: no data',
  'regions.age': 'Age of the figure at this date: {age}',
  'regions.ageSameDay': 'Figure of the chosen date',
  'regions.rankingTitle': 'Regions ranked, as of {date}',
  'regions.rankingDescription':
    'Regions with a figure at this date, highest first; each bar carries the date of its figure.',
  'regions.rankingSummary.one': '{title}: {count} region, {top}',
  'regions.rankingSummary.other': '{title}: {count} regions, from {top} to {bottom}',
  'regions.rankingEmpty': 'No region to rank at this date.',
  'regions.national': 'France: {value} ({date})',
  'regions.apart': '{age} from France’s figure',
  'regions.apartNote.one':
    'The figure of {count} region is more than 3 months from France’s ({date}): {regions}. Read the comparison with care; the table gives the gap.',
  'regions.apartNote.other':
    'The figures of {count} regions are more than 3 months from France’s ({date}): {regions}. Read the comparison with care; the table gives each gap.',
  'regions.nationalNone': 'No national value at this date.',
  'regions.nationalNotComparable':
    'A national total is not comparable with a region’s figure: choose “per 100 inhabitants” to see it as a reference.',
  'regions.colRegion': 'Region',
  'regions.colValue': 'Value',
  'regions.colPeriod': 'Date of the figure',
  'regions.colAge': 'Age',
  'regions.colRank': 'Rank',
  'regions.colDifference': 'Difference from France',
  'regions.back': 'All regions',
  'regions.pageLede':
    '{name} compared with France. Each point is a published figure, at its date; rates are recomputed from counts of the same date, never averaged.',
  'regions.vsFrance': '{indicator}: {name} and France',
  'regions.vsFranceDescription':
    'One axis for the region and France. France’s absolute numbers dwarf a region’s: tick “per 100 inhabitants” to compare them.',
  'regions.departments': 'Departments',
  'regions.departmentsTitle': '{indicator} by department, as of {date}',
  'regions.departmentsDescription':
    'For each department, the latest figure published by that date. Hatched: no data. Choose a department to open its activation tracker. Department figures make the region’s total only when all of them are published for the same date.',
  'regions.departmentsNone': 'No department figure for this region in the data loaded.',
  'regions.mapLoading': 'Loading the map…',
  'regions.mapFailed': 'The map could not be loaded ({reason}). The tables are still available.',
  'regions.figures': 'Every figure of {name}',
  'regions.figuresDescription':
    'Figures published for the region and its departments, and computed ones (department sums, rates), each with its source.',
  'regions.figuresNone':
    'No figure published for this region in the data loaded. For regional series, add a data feed.',
  'regions.compare': 'Compare with',
  'regions.compareHint': 'At most 4 regions.',
  'regions.compareTitle': '{indicator}: {name} and compared regions',
  'regions.compareDescription':
    'One small chart per region, all on the same time and value scales.',
  'regions.compareEmpty': 'Choose up to 4 regions to compare.',
  'regions.factsTitle': 'Other figures published for {name}',
  'regions.factsRanks': 'Rank among the regions',
  'regions.factsFeeding': 'Who feeds the shared medical record (DMP)',
  'regions.factsOutreach': 'Outreach: context, not an adoption rate',
  'regions.factsOutreachNote':
    'These figures tell the effort made to make Mon espace santé known (people made aware, ambassadors), not how many people activated or use it.',
};

addMessages(fr, en);
