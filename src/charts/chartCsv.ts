/**
 * A chart's data as a CSV file, the "CSV" download. Loaded only when a reader asks for it
 * (ChartActions imports it dynamically), so none of this weighs on first paint. The file's text
 * and name are pure and unit-tested.
 */
import Papa from 'papaparse';
import type { SeriesPoint } from '../model/series';
import { qualifierName, type Lang, type Unit } from '../lib/format';
import { saveBlob } from '../lib/saveBlob';
import { exportFileName, type ExportChart } from './exportChart';
import { derivedText, pointRemark, pointSource } from './pointText';

/** Byte order mark: Excel reads a CSV as UTF-8 (accents intact) only when the file starts with it. */
export const BOM = '\uFEFF';

/**
 * Column names follow the project's tidy CSV (data/schema.json) where a field is the same, so a
 * downloaded file can be read back by the same tools; the other columns say which chart and series
 * the row belongs to, spell the qualifier out, and list the other sources of a disputed figure.
 */
export const CSV_COLUMNS = [
  'chart',
  'series',
  'indicator',
  'breakdown',
  'geo',
  'period',
  'precision',
  'value',
  'unit',
  'qualifier',
  'qualifier_label',
  'source_url',
  'source_label',
  'note',
  'derived_from',
  'other_sources',
  'source_name',
  'citation',
] as const;

type CsvCell = string | number;

/** A figure the app computed (a rate, an average), not one a source published. */
function isComputed(point: SeriesPoint): boolean {
  return point.derivedFrom !== undefined || point.explanation !== undefined;
}

/**
 * The tidy `source_url` of a row. A computed figure was published nowhere, so it has no address:
 * its `source_label` names the sources of its inputs. Written under its inputs' address it would
 * claim that source published it, and where the source did publish a figure for the same day (the
 * « environ 1 assuré sur 5 » of 7 Oct 2024 beside the 22,5 % computed from its counts) the two
 * would share the tidy key and the file would not read back.
 */
export function exportSourceUrl(point: SeriesPoint): string {
  return isComputed(point) ? '' : point.sourceUrl;
}

/**
 * A value at the precision it was published or computed with: a published figure as it is; a
 * computed one (a rate, an average, a count per 100 inhabitants) rounded as the page shows it,
 * a rate to one decimal, a count to three significant digits; never 11.009174311926607.
 */
export function exportValue(point: SeriesPoint, unit: Unit): number {
  if (!isComputed(point) || Number.isInteger(point.value)) return point.value;
  if (unit === 'percent') return Math.round(point.value * 10) / 10;
  return Number(point.value.toPrecision(3));
}

/** One row per point, in series order then time order, as on screen. */
export function csvRows(chart: ExportChart, lang: Lang): CsvCell[][] {
  return chart.series.flatMap((s) =>
    [...s.points]
      .sort((a, b) => a.date.getTime() - b.date.getTime())
      .map((p) => [
        chart.id,
        s.label,
        p.indicator,
        p.breakdown,
        p.geo,
        p.period,
        p.precision,
        // A number, never text: a negative value is a value, not a formula (the formula guard
        // below skips number cells), and spreadsheets keep it numeric.
        exportValue(p, chart.unit),
        chart.unit,
        p.qualifier,
        qualifierName(p.qualifier, lang),
        exportSourceUrl(p),
        p.sourceLabel,
        p.note,
        derivedText(p, lang) ?? '',
        // A disputed figure: what the other sources published for the same period.
        (p.alternatives ?? [])
          .map((o) =>
            `${o.qualifier} ${o.value} ${o.sourceLabel}${o.sourceUrl ? ` <${o.sourceUrl}>` : ''}`.trim(),
          )
          .join(' | '),
        pointSource(p, lang),
        pointRemark(p) ?? '',
      ]),
  );
}

/** Text a spreadsheet would run as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const QUALIFIER_COLUMN = CSV_COLUMNS.indexOf('qualifier');

/**
 * A text cell made safe to open in a spreadsheet with a leading `'`. The qualifier column is
 * left as it is: it holds one of `=` `~` `>` `<` (a lone `=` runs nothing), and the file must
 * read back into the app (`'=` is not a qualifier).
 */
function guardCell(cell: CsvCell, column: number): CsvCell {
  if (typeof cell !== 'string' || column === QUALIFIER_COLUMN) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * The CSV file's text: UTF-8 BOM, comma-separated, CRLF line ends (RFC 4180). Every text cell is
 * quoted, so a `;`, `,` or line break inside a label never splits a cell, whichever separator a
 * spreadsheet assumes. Text cells that a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or carriage return) get a leading `'` (OWASP's CSV injection advice),
 * except the qualifier column; number cells are left as numbers.
 */
export function chartCsv(chart: ExportChart, lang: Lang): string {
  const text = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: csvRows(chart, lang).map((row) => row.map(guardCell)),
    },
    {
      delimiter: ',',
      newline: '\r\n',
      quotes: (value: unknown) => typeof value === 'string',
    },
  );
  return BOM + text + '\r\n';
}

/** Builds the chart's CSV file and hands it to the browser; returns the file's name. */
export function downloadCsv(chart: ExportChart, lang: Lang, now: Date): string {
  const name = exportFileName(chart.id, 'csv', now);
  saveBlob(new Blob([chartCsv(chart, lang)], { type: 'text/csv;charset=utf-8' }), name);
  return name;
}
