/** Messages of the Activation tracker page. French is the reference; English must have every key. */
import { addMessages } from './loaded';

export const fr = {
  'activation.title': 'Suivi de l’activation de Mon espace santé',
  'activation.lede':
    'Pour les ambassadeurs de Mon espace santé : les profils activés face aux profils ouverts, les activations par mois, le rythme récent et la progression vers un objectif. Chaque chiffre est un chiffre publié, avec sa date et sa source, ou un calcul qui dit de quels chiffres il part.',
  'activation.geoLabel': 'Territoire',
  'activation.geoCountry': 'Pays',
  'activation.geoRegions': 'Régions',
  'activation.geoDepartements': 'Départements',
  'activation.withData': 'Territoires qui ont des chiffres d’activation dans les données :',
  'activation.thinTitle': 'Peu de données pour {geo}',
  'activation.thinText':
    'Les données chargées contiennent pour {geo} : {activated}, {open} et {rate}. Les chiffres publiés sont surtout nationaux.',
  'activation.countActivated.one': '{count} chiffre de profils activés',
  'activation.countActivated.other': '{count} chiffres de profils activés',
  'activation.countOpen.one': '{count} chiffre de profils ouverts',
  'activation.countOpen.other': '{count} chiffres de profils ouverts',
  'activation.countRate.one': '{count} taux d’activation publié',
  'activation.countRate.other': '{count} taux d’activation publiés',
  'activation.thinAddFeed':
    'Pour suivre ce territoire, ajoutez un flux de données (un export de l’ARS, les données brutes de la page « transparence ») :',
  'activation.thinAddFeedLink': 'ajouter un flux',
  'activation.kpis': 'Derniers chiffres pour {geo}',
  'activation.profilesTitle': 'Profils activés et profils ouverts, {geo}',
  'activation.profilesDesc':
    'Un profil est ouvert automatiquement pour chaque assuré qui ne s’y oppose pas ; il est activé quand la personne s’y connecte. Chaque point est un chiffre publié, à sa date.',
  'activation.rateTitle': 'Taux d’activation, {geo}',
  'activation.rateDesc':
    'Profils activés / profils ouverts, calculé seulement quand les deux chiffres portent sur la même date, et taux publiés tels quels (certaines sources les définissent autrement : voir la note de chaque point).',
  'activation.rateComputed': 'Taux calculé (activés / ouverts)',
  'activation.ratePublished': 'Taux publié',
  'activation.monthlyHeading': 'Activations par mois',
  'activation.monthlyTitle': 'Activations par mois, {geo}',
  'activation.monthlyDesc':
    'Chiffres mensuels publiés quand ils existent. Ailleurs, la « moyenne sur la période » : la hausse entre deux chiffres cumulés publiés, divisée par le nombre de mois qui les séparent. Elle dit combien de profils ont été activés en moyenne, pas mois par mois.',
  'activation.monthlyPublished': 'Publié (par mois)',
  'activation.monthlyAverage': 'Moyenne sur la période (calculée)',
  'activation.monthlyEmpty':
    'Aucun chiffre d’activations par mois pour {geo}, et moins de deux chiffres cumulés pour en calculer une moyenne.',
  'activation.monthlyTableCaption': 'Activations par mois, {geo} : chiffres et calculs',
  'activation.colPeriod': 'Période',
  'activation.colPerMonth': 'Activations par mois',
  'activation.colKind': 'Nature',
  'activation.colHow': 'D’où vient le chiffre',
  'activation.colSource': 'Source',
  'activation.kindPublished': 'publié',
  'activation.kindAverage': 'moyenne sur la période',
  'activation.howPublished': 'chiffre publié : {label}',
  'activation.howTotal': 'moyenne sur la période : {total} publiés sur {months} mois',
  'activation.howDifference':
    'moyenne sur la période : ({later} {laterWhen} − {earlier} {earlierWhen}) / {months} mois',
  'activation.inconsistent':
    'les chiffres se contredisent : le second est plus bas que le premier, aucune moyenne n’est donnée',
  'activation.boundNote.<':
    'Le chiffre de départ est un minimum (« plus de ») : la hausse réelle peut être plus faible, la moyenne est un maximum.',
  'activation.boundNote.>':
    'Le chiffre d’arrivée est un minimum (« plus de ») : la hausse réelle peut être plus forte, la moyenne est un minimum.',
  'activation.boundNote.~':
    'Un des chiffres utilisés est approximatif ou un minimum : la moyenne est incertaine, dans un sens qu’on ne peut pas dire.',
  'activation.rounded': 'Les moyennes calculées sont arrondies à trois chiffres significatifs.',
  'activation.paceTitle': 'Rythme récent',
  'activation.paceIntro':
    'Profils activés par mois, calculés entre le dernier chiffre cumulé publié et le dernier chiffre publié au moins 3, 6 ou 12 mois plus tôt.',
  'activation.paceWindow': '{n} derniers mois',
  'activation.pacePerMonth': '{value} par mois',
  'activation.paceFrom':
    'de {earlier} ({earlierDate}, {earlierSource}) à {later} ({laterDate}, {laterSource}), sur {months} mois',
  'activation.paceProblem.too-few-figures':
    'non calculable : moins de deux chiffres cumulés de profils activés',
  'activation.paceProblem.no-figure-in-window':
    'non calculable : aucun chiffre publié environ {n} mois avant le dernier',
  'activation.paceProblem.not-increasing':
    'non calculable : le nombre de profils activés n’a pas augmenté sur la période',
  'activation.targetsTitle': 'Progression vers un objectif',
  'activation.nationalTitle': 'Objectif national : {target} profils activés d’ici fin {year}',
  'activation.nationalSource': 'Objectif publié {when}, source :',
  'activation.nationalNone':
    'Les données chargées n’indiquent pas d’objectif national publié pour les profils activés.',
  'activation.userTitle': 'Votre objectif pour {geo}',
  'activation.trackerTitle': 'Suivi de l’activation de Mon espace santé : {geo}',
  'activation.targetTitle': 'Objectif pour {geo}',
  'activation.userLabel': 'Objectif : un nombre de profils activés ou un taux d’activation',
  'activation.userHint':
    'Par exemple « 1 200 000 » profils ou « 50 % » des profils ouverts. L’objectif est gardé dans l’adresse de la page, qui peut être partagée.',
  'activation.targetInvalid':
    'Objectif non compris : saisissez un nombre de profils (« 1 200 000 », « 1,2 M ») ou un taux (« 50 % »).',
  'activation.targetWhich': 'Ce nombre est-il un taux ou un nombre de profils ?',
  'activation.targetAsRate': '{rate} des profils ouverts',
  'activation.targetAsCount': '{count} profils activés',
  'activation.userNone': 'Aucun objectif saisi pour {geo}.',
  'activation.progressLabel': '{share} de l’objectif',
  'activation.progressValue': '{current} sur {target}',
  'activation.progressAsOf': 'Dernier chiffre : {current} {when}.',
  'activation.gap': 'Reste à activer : {gap} profils.',
  'activation.reached': 'Objectif atteint d’après le dernier chiffre publié.',
  'activation.projection':
    'Au rythme des derniers chiffres ({pace} par mois, sur les {n} derniers mois), l’objectif serait atteint vers {date}.',
  'activation.projectionRange':
    'Selon le rythme récent retenu, entre {earliest} (rythme le plus rapide, {fastest} par mois sur {fastestN} mois) et {latest} (le plus lent, {slowest} par mois sur {slowestN} mois).',
  'activation.projectionPast':
    'Au rythme des derniers chiffres ({pace} par mois, sur les {n} derniers mois), l’objectif aurait été atteint vers {date}, une date déjà passée : aucun chiffre publié après celui de {since} ne permet de le vérifier.',
  'activation.projectionRangePartlyPast':
    'Selon le rythme récent retenu : dès {earliest}, date déjà passée (rythme le plus rapide, {fastest} par mois sur {fastestN} mois), ou vers {latest} (le plus lent, {slowest} par mois sur {slowestN} mois).',
  'activation.projectionRangePast':
    'Selon le rythme récent retenu, entre {earliest} et {latest} (de {fastest} à {slowest} par mois) : deux dates déjà passées.',
  'activation.projectionStale':
    'Dernier chiffre publié : {date}, il y a {age}. Les dates qui suivent supposent que le rythme d’alors s’est maintenu depuis.',
  'activation.rateDefinitions':
    'Les taux viennent de sources qui ne les définissent pas toutes de la même façon (part des profils ouverts, de la population) : voir la note de chaque chiffre.',
  'activation.points.one': '{value} point',
  'activation.points.other': '{value} points',
  'activation.gapRate': 'Reste à gagner : {gap} de taux d’activation.',
  'activation.projectionUncertain':
    'Certains chiffres utilisés sont approximatifs ou des minimums : ces dates sont indicatives.',
  'activation.needed':
    'Pour atteindre l’objectif fin {year}, il faudrait {needed} activations par mois à partir du dernier chiffre.',
  'activation.onTrack': 'À ce rythme, l’objectif serait tenu.',
  'activation.offTrack': 'À ce rythme, l’objectif ne serait pas tenu à temps.',
  'activation.thin.too-few-figures':
    'Trop peu de données pour projeter : il faut au moins deux chiffres cumulés de profils activés pour {geo}, et les données en contiennent {count}.',
  'activation.thin.not-increasing':
    'Trop peu de données pour projeter : les chiffres de profils activés pour {geo} n’augmentent pas d’un chiffre publié à l’autre.',
  'activation.thin.no-pace':
    'Trop peu de données pour projeter : aucun chiffre de profils activés pour {geo} ne date d’environ 3 à 24 mois avant le dernier, donc aucun rythme récent ne peut être calculé.',
  'activation.outreachTitle': 'Vos actions se voient-elles dans les chiffres ?',
  'activation.outreachIntro':
    'Indiquez le jour où vos actions ont commencé (ambassadeurs, ARS, CPAM) : le suivi compare les activations par mois de ce territoire ({geo}) dans les {n} mois avant et après, à celles de la France sur les mêmes mois, pour ne pas prendre une campagne nationale pour un succès local.',
  'activation.outreachLabel': 'Début de vos actions',
  'activation.outreachClear': 'Effacer la date',
  'activation.outreachNone': 'Aucune date de début saisie.',
  'activation.outreachCaption': 'Activations par mois avant et après le {start}',
  'activation.outreachColPlace': 'Territoire',
  'activation.outreachColBefore': 'Avant : {span}',
  'activation.outreachColAfter': 'Après : {span}',
  'activation.outreachColChange': 'Évolution',
  'activation.outreachMonth': '{month} : {value}',
  'activation.outreachMonths': 'Mois entiers utilisés',
  'activation.outreachNoPace': 'pas assez de chiffres',
  'activation.outreachFromMonths.one': 'moyenne de {count} mois entier',
  'activation.outreachFromMonths.other': 'moyenne de {count} mois entiers',
  'activation.outreachFromCounts': 'hausse entre deux chiffres cumulés, {span}',
  'activation.outreachVerdict.faster-than-nation':
    'Après le {start}, le rythme des activations a évolué de {place} ({geo}), contre {nation} pour la France sur les mêmes mois : l’évolution locale dépasse la tendance nationale.',
  'activation.outreachVerdict.like-nation':
    'Après le {start}, le rythme des activations a évolué de {place} ({geo}), contre {nation} pour la France sur les mêmes mois : l’évolution locale suit la tendance nationale, rien dans ces chiffres ne distingue un effet local.',
  'activation.outreachVerdict.slower-than-nation':
    'Après le {start}, le rythme des activations a évolué de {place} ({geo}), contre {nation} pour la France sur les mêmes mois : l’évolution locale reste en deçà de la tendance nationale.',
  'activation.outreachVerdict.no-national-reference':
    'Après le {start}, le rythme des activations a évolué de {place} ({geo}). Les données n’ont pas de rythme national sur les mêmes mois : on ne peut pas dire si c’est une tendance nationale ou locale.',
  'activation.outreachCannot.no-figures':
    'Les données ne permettent pas de le dire : elles n’ont pour ce territoire ({geo}) ni chiffre mensuel ni chiffre cumulé de profils activés. Ajoutez un flux de données (un export mensuel de l’ARS ou de la CPAM, par exemple).',
  'activation.outreachCannot.no-figures-after-start':
    'Les données ne permettent pas encore de le dire : aucun chiffre de ce territoire ({geo}) ne porte sur les mois qui suivent le {start}.',
  'activation.outreachCannot.too-few-before':
    'Les données ne permettent pas de le dire : trop peu de chiffres pour ce territoire ({geo}) dans les {n} mois avant le {start} (il faut deux mois entiers, ou deux chiffres cumulés à au moins deux mois d’écart).',
  'activation.outreachCannot.too-few-after':
    'Les données ne permettent pas de le dire : trop peu de chiffres pour ce territoire ({geo}) dans les mois après le {start} (il faut deux mois entiers, ou deux chiffres cumulés à au moins deux mois d’écart).',
  'activation.outreachCannot.too-few-both':
    'Les données ne permettent pas de le dire : trop peu de chiffres pour ce territoire ({geo}) de part et d’autre du {start} ; des chiffres cumulés éloignés, l’un avant et l’autre après, mêleraient les deux périodes.',
  'activation.outreachUncertain':
    'Certains chiffres utilisés sont approximatifs ou des minimums : ces rythmes sont indicatifs.',
  'activation.outreachNotCause':
    'Une différence avec la France ne prouve pas à elle seule que vos actions en sont la cause (d’autres actions, locales ou nationales, ont pu jouer).',
  'activation.outreachContext':
    'Actions de terrain publiées pour {geo} (un contexte, pas des activations) :',
} as const;

export const en: Record<keyof typeof fr, string> = {
  'activation.title': 'Mon espace santé activation tracker',
  'activation.lede':
    'For Mon espace santé ambassadors: profiles activated against profiles open, activations per month, the recent pace and progress towards a target. Every number is a published figure, with its date and source, or a calculation that says which figures it starts from.',
  'activation.geoLabel': 'Area',
  'activation.geoCountry': 'Country',
  'activation.geoRegions': 'Regions',
  'activation.geoDepartements': 'Departments',
  'activation.withData': 'Areas with activation figures in the data:',
  'activation.thinTitle': 'Little data for {geo}',
  'activation.thinText':
    'The loaded data holds for {geo}: {activated}, {open} and {rate}. Published figures are mostly national.',
  'activation.countActivated.one': '{count} figure of activated profiles',
  'activation.countActivated.other': '{count} figures of activated profiles',
  'activation.countOpen.one': '{count} figure of open profiles',
  'activation.countOpen.other': '{count} figures of open profiles',
  'activation.countRate.one': '{count} published activation rate',
  'activation.countRate.other': '{count} published activation rates',
  'activation.thinAddFeed':
    'To follow this area, add a data feed (an ARS export, the raw data of the “transparence” page):',
  'activation.thinAddFeedLink': 'add a feed',
  'activation.kpis': 'Latest figures for {geo}',
  'activation.profilesTitle': 'Profiles activated and profiles open, {geo}',
  'activation.profilesDesc':
    'A profile is opened automatically for every insured person who does not object; it is activated when its owner signs in. Each point is a published figure, at its date.',
  'activation.rateTitle': 'Activation rate, {geo}',
  'activation.rateDesc':
    'Activated / open profiles, computed only where both figures refer to the same date, plus rates as published (some sources define them differently: see each point’s note).',
  'activation.rateComputed': 'Computed rate (activated / open)',
  'activation.ratePublished': 'Published rate',
  'activation.monthlyHeading': 'Activations per month',
  'activation.monthlyTitle': 'Activations per month, {geo}',
  'activation.monthlyDesc':
    'Published monthly figures where they exist. Elsewhere, the “average over the period” (moyenne sur la période): the rise between two published cumulative figures, divided by the number of months between them. It tells how many profiles were activated on average, not month by month.',
  'activation.monthlyPublished': 'Published (per month)',
  'activation.monthlyAverage': 'Average over the period (computed)',
  'activation.monthlyEmpty':
    'No figure of activations per month for {geo}, and fewer than two cumulative figures to average.',
  'activation.monthlyTableCaption': 'Activations per month, {geo}: figures and calculations',
  'activation.colPeriod': 'Period',
  'activation.colPerMonth': 'Activations per month',
  'activation.colKind': 'Kind',
  'activation.colHow': 'Where the number comes from',
  'activation.colSource': 'Source',
  'activation.kindPublished': 'published',
  'activation.kindAverage': 'average over the period',
  'activation.howPublished': 'published figure: {label}',
  'activation.howTotal': 'average over the period: {total} published over {months} months',
  'activation.howDifference':
    'average over the period: ({later} {laterWhen} − {earlier} {earlierWhen}) / {months} months',
  'activation.inconsistent':
    'the figures contradict each other: the later one is lower, so no average is given',
  'activation.boundNote.<':
    'The starting figure is a lower bound (“more than”): the real rise may be smaller, so the average is an upper bound.',
  'activation.boundNote.>':
    'The final figure is a lower bound (“more than”): the real rise may be larger, so the average is a lower bound.',
  'activation.boundNote.~':
    'One of the figures used is approximate or a bound: the average is uncertain, in a direction that cannot be told.',
  'activation.rounded': 'Computed averages are rounded to three significant digits.',
  'activation.paceTitle': 'Recent pace',
  'activation.paceIntro':
    'Profiles activated per month, computed between the latest published cumulative figure and the latest one published at least 3, 6 or 12 months earlier.',
  'activation.paceWindow': 'last {n} months',
  'activation.pacePerMonth': '{value} per month',
  'activation.paceFrom':
    'from {earlier} ({earlierDate}, {earlierSource}) to {later} ({laterDate}, {laterSource}), over {months} months',
  'activation.paceProblem.too-few-figures':
    'cannot be computed: fewer than two cumulative figures of activated profiles',
  'activation.paceProblem.no-figure-in-window':
    'cannot be computed: no figure published about {n} months before the latest one',
  'activation.paceProblem.not-increasing':
    'cannot be computed: the number of activated profiles did not grow over the period',
  'activation.targetsTitle': 'Progress towards a target',
  'activation.nationalTitle': 'National target: {target} activated profiles by end {year}',
  'activation.nationalSource': 'Target published {when}, source:',
  'activation.nationalNone':
    'The loaded data states no published national target for activated profiles.',
  'activation.userTitle': 'Your target for {geo}',
  'activation.trackerTitle': 'Mon espace santé activation tracker: {geo}',
  'activation.targetTitle': 'Target for {geo}',
  'activation.userLabel': 'Target: a number of activated profiles or an activation rate',
  'activation.userHint':
    'For example “1,200,000” profiles or “50 %” of open profiles. The target is kept in the page address, which can be shared.',
  'activation.targetInvalid':
    'Target not understood: type a number of profiles (“1 200 000”, “1.2 M”) or a rate (“50 %”).',
  'activation.targetWhich': 'Is this number a rate or a number of profiles?',
  'activation.targetAsRate': '{rate} of open profiles',
  'activation.targetAsCount': '{count} activated profiles',
  'activation.userNone': 'No target set for {geo}.',
  'activation.progressLabel': '{share} of the target',
  'activation.progressValue': '{current} of {target}',
  'activation.progressAsOf': 'Latest figure: {current} {when}.',
  'activation.gap': 'Still to activate: {gap} profiles.',
  'activation.reached': 'Target reached according to the latest published figure.',
  'activation.projection':
    'At the pace of the latest figures ({pace} per month, over the last {n} months), the target would be reached around {date}.',
  'activation.projectionRange':
    'Depending on the recent pace taken, between {earliest} (fastest pace, {fastest} per month over {fastestN} months) and {latest} (slowest, {slowest} per month over {slowestN} months).',
  'activation.projectionPast':
    'At the pace of the latest figures ({pace} per month, over the last {n} months), the target would have been reached around {date}, a date already past: no figure published after the one of {since} can confirm it.',
  'activation.projectionRangePartlyPast':
    'Depending on the recent pace taken: as early as {earliest}, already past (fastest pace, {fastest} per month over {fastestN} months), or around {latest} (slowest, {slowest} per month over {slowestN} months).',
  'activation.projectionRangePast':
    'Depending on the recent pace taken, between {earliest} and {latest} ({fastest} to {slowest} per month): both dates already past.',
  'activation.projectionStale':
    'Latest published figure: {date}, {age} ago. The dates below assume the pace of then has held since.',
  'activation.rateDefinitions':
    'The rates come from sources that do not all define them the same way (share of open profiles, of the population): see each figure’s note.',
  'activation.points.one': '{value} point',
  'activation.points.other': '{value} points',
  'activation.gapRate': 'Still to gain: {gap} of activation rate.',
  'activation.projectionUncertain':
    'Some figures used are approximate or lower bounds: these dates are indicative.',
  'activation.needed':
    'To reach the target by end {year}, {needed} activations per month would be needed from the latest figure.',
  'activation.onTrack': 'At this pace, the target would be met in time.',
  'activation.offTrack': 'At this pace, the target would not be met in time.',
  'activation.thin.too-few-figures':
    'Too little data to project: at least two cumulative figures of activated profiles are needed for {geo}, and the data holds {count}.',
  'activation.thin.not-increasing':
    'Too little data to project: the figures of activated profiles for {geo} do not grow from one published figure to the next.',
  'activation.thin.no-pace':
    'Too little data to project: no figure of activated profiles for {geo} dates from about 3 to 24 months before the latest one, so no recent pace can be computed.',
  'activation.outreachTitle': 'Does your outreach show in the figures?',
  'activation.outreachIntro':
    'Give the day your actions started (ambassadors, ARS, CPAM): the tracker compares the activations per month of {geo} in the {n} months before and after with France’s over the same months, so a national campaign is not mistaken for local success.',
  'activation.outreachLabel': 'Start of your actions',
  'activation.outreachClear': 'Clear the date',
  'activation.outreachNone': 'No start date given.',
  'activation.outreachCaption': 'Activations per month before and after {start}',
  'activation.outreachColPlace': 'Area',
  'activation.outreachColBefore': 'Before: {span}',
  'activation.outreachColAfter': 'After: {span}',
  'activation.outreachColChange': 'Change',
  'activation.outreachMonth': '{month}: {value}',
  'activation.outreachMonths': 'Whole months used',
  'activation.outreachNoPace': 'not enough figures',
  'activation.outreachFromMonths.one': 'mean of {count} whole month',
  'activation.outreachFromMonths.other': 'mean of {count} whole months',
  'activation.outreachFromCounts': 'rise between two cumulative figures, {span}',
  'activation.outreachVerdict.faster-than-nation':
    'After {start}, the pace of activations changed by {place} ({geo}), against {nation} for France over the same months: the local change outpaces the national trend.',
  'activation.outreachVerdict.like-nation':
    'After {start}, the pace of activations changed by {place} ({geo}), against {nation} for France over the same months: the local change follows the national trend; nothing in these figures sets a local effect apart.',
  'activation.outreachVerdict.slower-than-nation':
    'After {start}, the pace of activations changed by {place} ({geo}), against {nation} for France over the same months: the local change falls short of the national trend.',
  'activation.outreachVerdict.no-national-reference':
    'After {start}, the pace of activations changed by {place} ({geo}). The data has no national pace over the same months: whether this is a national or a local trend cannot be told.',
  'activation.outreachCannot.no-figures':
    'The data cannot tell: it has no monthly and no cumulative figure of activated profiles for {geo}. Add a data feed (a monthly export of the ARS or the CPAM, for example).',
  'activation.outreachCannot.no-figures-after-start':
    'The data cannot tell yet: no figure of {geo} covers the months after {start}.',
  'activation.outreachCannot.too-few-before':
    'The data cannot tell: too few figures for {geo} in the {n} months before {start} (two whole months are needed, or two cumulative figures at least two months apart).',
  'activation.outreachCannot.too-few-after':
    'The data cannot tell: too few figures for {geo} in the months after {start} (two whole months are needed, or two cumulative figures at least two months apart).',
  'activation.outreachCannot.too-few-both':
    'The data cannot tell: too few figures for {geo} on either side of {start}; cumulative figures far apart, one before and one after, would mix the two periods.',
  'activation.outreachUncertain':
    'Some figures used are approximate or lower bounds: these paces are indicative.',
  'activation.outreachNotCause':
    'A difference from France does not by itself prove your actions caused it (other actions, local or national, may have played a part).',
  'activation.outreachContext': 'Outreach published for {geo} (context, not activations):',
};

addMessages(fr, en);
