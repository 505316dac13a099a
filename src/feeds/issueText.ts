/**
 * What each feed problem and each skipped row says, in French (the reference) and English.
 * Pure (no Svelte): the Feeds and Sources pages, the worker and `validate-feed` all word issues
 * here. `{name}` in a text is replaced by the issue's `params.name` (numbers through Intl).
 */
import { formatNumber, type Lang } from '../lib/format';
import { dateErrorText, type DateErrorCode } from './dates';
import { spreadsheetErrorText, type SpreadsheetErrorCode } from './spreadsheet';
import type {
  FeedIssue,
  IngestSkipSummary,
  IssueCode,
  IssueParams,
  SkipReason,
  SkippedRows,
} from './types';

type Texts = { fr: string; en: string };

/**
 * Texts of every code but the date cells' and the workbook reader's (dates.ts and spreadsheet.ts
 * word those: dateErrorText, spreadsheetErrorText).
 */
export const ISSUE_TEXTS: Record<
  Exclude<IssueCode, DateErrorCode | SpreadsheetErrorCode>,
  Texts
> = {
  'file.empty': {
    fr: 'le fichier est vide',
    en: 'the file is empty',
  },
  'file.blank': {
    fr: 'le fichier ne contient que des espaces',
    en: 'the file holds only blank space',
  },
  'file.html': {
    fr: 'le fichier est une page HTML ou XML, pas des données (le serveur a peut-être renvoyé une page d’erreur)',
    en: 'the file is an HTML or XML page, not data (the server may have sent an error page)',
  },
  'file.jsonNotCsv': {
    fr: 'le fichier est du JSON, pas du CSV : choisissez un format JSON',
    en: 'the file is JSON, not CSV: format not recognised for a CSV feed',
  },
  'file.notJson': {
    fr: 'le fichier n’est pas du JSON (il commence par « {start} ») ; est-ce un CSV ? Choisissez alors un format CSV',
    en: 'format not recognised: the file is not JSON (it starts with "{start}"); is it CSV? Then choose a CSV format',
  },
  'file.invalidJson': {
    fr: 'le fichier n’est pas du JSON valide ({detail}) ; il est peut-être tronqué',
    en: 'the file is not valid JSON ({detail}); it may be truncated',
  },
  'file.tabularPage': {
    fr: 'le fichier est une seule page de l’API tabulaire de data.gouv.fr (sa page suivante est {next}) : ajoutez l’adresse de l’API comme flux pour que toutes les pages soient lues',
    en: 'the file is one page of the data.gouv.fr tabular API (its "next" link is {next}): add the API address as a tabular API feed so every page is read',
  },
  'file.notArray': {
    fr: 'format non reconnu : un tableau JSON d’objets était attendu, le fichier contient {shape}',
    en: 'format not recognised: expected a JSON array of objects (or a tabular API page), found {shape}',
  },
  'file.noHeader': {
    fr: 'le fichier n’a pas de ligne d’en-tête',
    en: 'the file has no header row',
  },
  'file.noDataRows': {
    fr: 'le fichier a un en-tête mais aucune ligne de données',
    en: 'the file has a header but no data rows',
  },
  'file.truncated': {
    fr: 'la dernière ligne a {count} champs au lieu de {expected} : le fichier semble tronqué',
    en: 'has {count} fields, expected {expected} (the file looks truncated)',
  },
  'file.unreadable': {
    fr: 'le fichier ne peut pas être lu ({detail})',
    en: 'the file cannot be read ({detail})',
  },
  'file.formatUnknown': {
    fr: 'format non reconnu : « {format} » n’est pas l’un de {formats}',
    en: 'format not recognised: "{format}" is not one of {formats}',
  },
  'file.allRowsSkipped': {
    fr: 'les {count} lignes ont toutes été ignorées (lieu hors référentiel ou valeur vide) : la correspondance des colonnes est sans doute à revoir',
    en: 'all {count} rows were skipped (place outside the reference or empty value): the column mapping is probably wrong',
  },
  'file.tooManyIssues': {
    fr: 'lecture arrêtée après {max} problèmes',
    en: 'reading stopped after {max} problems',
  },
  'json.noRecords': {
    fr: 'le tableau JSON n’a aucun enregistrement',
    en: 'the JSON array has no records',
  },
  'json.notTidy': {
    fr: 'format non reconnu : les enregistrements n’ont aucune des clés du format Ségur Pulse ({required}) et le flux n’a pas de correspondance ; clés trouvées : {keys}',
    en: 'format not recognised: the records have none of the tidy keys ({required}) and the feed has no mapping; keys found: {keys}',
  },
  'sheet.notFound': {
    fr: 'le classeur n’a pas de feuille « {sheet} » (feuilles : {sheets})',
    en: 'the workbook has no sheet "{sheet}" (sheets: {sheets})',
  },
  'sheet.empty': {
    fr: 'la feuille « {sheet} » est vide',
    en: 'sheet "{sheet}" is empty',
  },
  'sheet.headerRowOutside': {
    fr: 'la ligne d’en-tête {headerRow} est au-delà de la fin de la feuille ({rows} lignes)',
    en: 'header row {headerRow} is past the end of the sheet ({rows} rows)',
  },
  'row.fieldCount': {
    fr: 'a {count} champs au lieu de {expected}',
    en: 'has {count} fields, expected {expected}',
  },
  'row.unclosedQuote': {
    fr: 'un guillemet ouvert n’est jamais fermé',
    en: 'a quoted field is never closed',
  },
  'row.parse': {
    fr: 'ligne illisible ({detail})',
    en: 'unreadable row ({detail})',
  },
  'row.notObject': {
    fr: 'est {kind}, un objet était attendu',
    en: 'is {kind}, expected an object',
  },
  'row.duplicate': {
    fr: 'répète la ligne {line} ; gardée une seule fois',
    en: 'duplicates row {line}; kept once',
  },
  'mapping.missing': {
    fr: 'ce flux a besoin d’une correspondance des colonnes',
    en: 'this feed needs a column mapping',
  },
  'mapping.noValue': {
    fr: 'la correspondance n’indique aucune valeur : une colonne de valeurs et son indicateur, ou des colonnes de valeurs avec chacune son indicateur',
    en: 'the mapping names no value: a value column and its indicator, or value columns each with its indicator',
  },
  'mapping.columnMissing': {
    fr: 'la colonne choisie pour « {field} » n’est pas dans l’en-tête ({header}) ; a-t-elle été renommée ?',
    en: 'column mapped to "{field}" is not in the header ({header}); was it renamed?',
  },
  'mapping.keyMissing': {
    fr: 'la clé choisie pour « {field} » n’est dans aucun enregistrement (clés : {keys}) ; a-t-elle été renommée ?',
    en: 'key mapped to "{field}" is in no record (keys: {keys}); was it renamed?',
  },
  'mapping.noSource': {
    fr: 'la source n’est pas indiquée : donnez le nom de la source du fichier (et son adresse si elle existe), ou une colonne qui la contient',
    en: 'no source given: give the source of the file (a label, and its address if there is one), or a column that holds it',
  },
  'tidy.notRecognised': {
    fr: 'format non reconnu : aucune des colonnes du format Ségur Pulse ({required}) n’est dans l’en-tête « {header} »',
    en: 'format not recognised: none of the tidy columns ({required}) is in the header "{header}"',
  },
  'tidy.columnMissing': {
    fr: 'colonne obligatoire absente de l’en-tête',
    en: 'required column is missing from the header',
  },
  'tidy.keyMissing': {
    fr: 'clé obligatoire absente de tous les enregistrements',
    en: 'required key is missing from every record',
  },
  'tidy.unknownColumn': {
    fr: 'colonne inconnue, ignorée',
    en: 'unknown column ignored',
  },
  'tidy.unknownKey': {
    fr: 'clé inconnue, ignorée',
    en: 'unknown key ignored',
  },
  'cell.nested': {
    fr: 'est {kind}, un texte ou un nombre était attendu',
    en: 'is {kind}, expected text or a number',
  },
  'cell.required': {
    fr: 'est obligatoire mais vide',
    en: 'is required but empty',
  },
  'cell.notInList': {
    fr: '« {value} » n’est pas l’une des valeurs {allowed}',
    en: '"{value}" is not one of {allowed}',
  },
  'cell.badForm': {
    fr: '« {value} » n’a pas la forme attendue',
    en: '"{value}" does not match the expected form',
  },
  'indicator.unknown': {
    fr: 'indicateur inconnu « {value} »',
    en: 'unknown indicator "{value}"',
  },
  'breakdown.unknown': {
    fr: '« {value} » n’est pas une ventilation de {indicator}',
    en: '"{value}" is not a breakdown of {indicator}',
  },
  'geo.invalid': {
    fr: '« {value} » n’est pas un identifiant de territoire (attendu : FR, REG-<code>, DEP-<code>)',
    en: '"{value}" is not a geography id (expected FR, REG-<code>, DEP-<code>)',
  },
  'geo.unknownRegion': {
    fr: 'code de région inconnu « {value} » (codes INSEE depuis 2016, par exemple REG-53)',
    en: 'unknown region code "{value}" (INSEE codes since 2016, e.g. REG-53)',
  },
  'geo.unknownDepartement': {
    fr: 'code de département inconnu « {value} »',
    en: 'unknown department code "{value}"',
  },
  'geo.countryInGroup': {
    fr: '« FR » ne peut pas faire partie d’un groupe (« {value} »)',
    en: '"FR" cannot be part of a group ("{value}")',
  },
  'geo.unknown': {
    fr: '« {value} » n’est ni la France, ni une région, ni un département',
    en: '"{value}" is not France, a region or a department',
  },
  'period.future': {
    fr: '{period} est dans le futur',
    en: '{period} is in the future',
  },
  'precision.needsDay': {
    fr: 'la précision « day » demande une période AAAA-MM-JJ',
    en: 'precision "day" needs a YYYY-MM-DD period',
  },
  'precision.needsMonth': {
    fr: 'la précision « {precision} » demande au moins AAAA-MM',
    en: 'precision "{precision}" needs at least YYYY-MM',
  },
  'value.notANumber': {
    fr: '« {value} » n’est pas un nombre',
    en: '"{value}" is not a number',
  },
  'value.notFinite': {
    fr: '« {value} » n’est pas un nombre fini',
    en: '"{value}" is not a finite number',
  },
  'value.belowMin': {
    fr: '{value} est inférieur au minimum {min}',
    en: '{value} is below {min}',
  },
  'value.aboveMax': {
    fr: '{value} est supérieur au maximum {max}',
    en: '{value} is above {max}',
  },
  'value.negativeCount': {
    fr: '{value} : un effectif ne peut pas être négatif',
    en: '{value}: a count cannot be negative',
  },
  'value.conflict': {
    fr: 'contredit la ligne {line} : même indicateur, lieu, période et source, avec la valeur {first} contre {value}',
    en: 'conflicts with row {line}: same indicator, place, period and source with value {first} vs {value}',
  },
  'value.activatedAboveOpen': {
    fr: '{value} profils activés, c’est plus que les {open} ouverts à la même date (ligne {line})',
    en: '{value} profiles activated is more than the {open} open at the same date (row {line})',
  },
  'source.badUrl': {
    fr: '« {value} » n’est pas une adresse web (http:// ou https://)',
    en: '"{value}" is not a web address (http:// or https://)',
  },
  'source.missing': {
    fr: 'ni adresse ni nom de source pour ce chiffre',
    en: 'neither a source address nor a source label for this figure',
  },
};

/** Params shown as numbers (formatted with Intl); the others are text as written. */
const NUMBER_PARAMS = new Set(['value', 'min', 'max', 'open', 'first', 'count', 'rows']);

/** The template with its params; numbers through Intl unless `plain` (machine text). */
function fill(
  template: string,
  params: IssueParams | undefined,
  lang: Lang,
  plain = false,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params?.[name];
    if (v === undefined) return whole;
    return typeof v === 'number' && NUMBER_PARAMS.has(name) && !plain
      ? formatNumber(v, lang)
      : String(v);
  });
}

/** The issue's problem in `lang`; an issue without a code (stored before codes) gives its reason. */
export function describeIssue(issue: FeedIssue, lang: Lang): string {
  if (!issue.code) return issue.reason;
  return codeText(issue.code, issue.params, lang);
}

function isDateCode(code: IssueCode): code is DateErrorCode {
  return code.startsWith('date.');
}

/** Every code of the workbook reader (a Record, so that a new one must be added here). */
const SPREADSHEET_CODES: Record<SpreadsheetErrorCode, true> = {
  'sheet.notWorkbook': true,
  'sheet.unreadable': true,
  'sheet.encrypted': true,
  'sheet.tooLarge': true,
  'sheet.noSheets': true,
  'sheet.readerUnavailable': true,
};

function isSpreadsheetCode(code: IssueCode): code is SpreadsheetErrorCode {
  return code in SPREADSHEET_CODES;
}

function codeText(
  code: IssueCode,
  params: IssueParams | undefined,
  lang: Lang,
  plain = false,
): string {
  if (isDateCode(code)) return dateErrorText({ code, params: { raw: '', ...params } }, lang);
  if (isSpreadsheetCode(code)) return spreadsheetErrorText(code, params ?? {}, lang);
  const texts = ISSUE_TEXTS[code];
  return texts ? fill(texts[lang], params, lang, plain) : code;
}

/** The English text of a code, numbers as machine text, for `FeedIssue.reason` (logs). */
export function englishReason(code: IssueCode, params?: IssueParams): string {
  return codeText(code, params, 'en', true);
}

/** An issue with its code, params and English reason. */
export function feedIssue(
  feed: string,
  code: IssueCode,
  params?: IssueParams,
  where: { row?: number; column?: string } = {},
): FeedIssue {
  const issue: FeedIssue = { feed, code, reason: englishReason(code, params) };
  if (where.row !== undefined) issue.row = where.row;
  if (where.column !== undefined) issue.column = where.column;
  if (params) issue.params = params;
  return issue;
}

const COLON = { fr: '\u00a0: ', en: ': ' } as const;

const WHERE = {
  fr: {
    feed: 'flux « {v} »',
    row: 'ligne {v}',
    record: 'enregistrement {v}',
    column: 'colonne « {v} »',
  },
  en: { feed: 'feed "{v}"', row: 'line {v}', record: 'record {v}', column: 'column "{v}"' },
} as const;

/**
 * The whole issue as one sentence: feed, file line, column and problem, e.g.
 * `flux « ARS », ligne 12, colonne « Mois » : « 13/2025 » n’est pas une date…`.
 */
export function issueSentence(
  issue: FeedIssue,
  lang: Lang,
  options: { feed?: boolean } = {},
): string {
  const w = WHERE[lang];
  const parts = [
    options.feed === false ? '' : w.feed.replace('{v}', issue.feed),
    issue.row !== undefined ? w.row.replace('{v}', String(issue.row)) : '',
    issue.column ? w.column.replace('{v}', issue.column) : '',
  ].filter(Boolean);
  const problem = describeIssue(issue, lang);
  return parts.length ? `${parts.join(', ')}${COLON[lang]}${problem}` : problem;
}

export const SKIP_TEXTS: Record<SkipReason, Texts> = {
  'place.empty': { fr: 'lieu vide', en: 'empty place' },
  'place.unknownCode': { fr: 'code inconnu', en: 'unknown code' },
  'place.formerRegion': { fr: 'ancienne région (avant 2016)', en: 'former region (before 2016)' },
  'place.overseasCollectivity': {
    fr: 'collectivité d’outre-mer hors référentiel',
    en: 'overseas collectivity outside the reference',
  },
  'place.notSpecified': { fr: 'lieu non renseigné', en: 'place not specified' },
  'place.unknownName': { fr: 'nom de lieu inconnu', en: 'unknown place name' },
  'place.ambiguousCode': {
    fr: 'code à deux chiffres sans dire région ou département',
    en: 'two-digit code without saying region or department',
  },
  'value.empty': { fr: 'valeur vide (non publiée)', en: 'empty value (not published)' },
};

/** Why rows were skipped, in `lang`. */
export function skipReasonText(reason: SkipReason, lang: Lang): string {
  return SKIP_TEXTS[reason][lang];
}

/**
 * One line per reason and column, with each value and its count, e.g.
 * `Code région (code inconnu) : 07 (90), 08 (90)`.
 */
export function skippedLines(skipped: SkippedRows[], lang: Lang): string[] {
  const groups = new Map<string, SkippedRows[]>();
  for (const s of skipped) {
    const key = `${s.reason}\u0000${s.column}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const empty = lang === 'fr' ? '(vide)' : '(empty)';
  return [...groups.values()].map((list) => {
    const { reason, column } = list[0]!;
    const values = list
      .map((s) =>
        reason === 'value.empty'
          ? formatNumber(s.count, lang)
          : `${s.value.trim() || empty} (${formatNumber(s.count, lang)})`,
      )
      .join(', ');
    return `${column} (${skipReasonText(reason, lang)})${COLON[lang]}${values}`;
  });
}

/**
 * The report's summary, e.g. `2 304 lignes lues, 180 ignorées : Code région (code inconnu) :
 * 07 (90), 08 (90)`.
 */
export function skipSummary(report: IngestSkipSummary, lang: Lang): string {
  const read = formatNumber(report.rowsRead, lang);
  const skippedRows = formatNumber(report.rowsSkipped, lang);
  const head =
    lang === 'fr'
      ? `${read} lignes lues, ${skippedRows} ignorées`
      : `${read} rows read, ${skippedRows} skipped`;
  const lines = skippedLines(report.skipped, lang);
  if (!lines.length) return head;
  return `${head}${COLON[lang]}${lines.join(lang === 'fr' ? '\u00a0; ' : '; ')}`;
}
