import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { syntheticExportChart, syntheticPoint } from '../../test/synthetic';
import { BOM, CSV_COLUMNS, chartCsv, exportValue } from './chartCsv';
import { exportFileName, type ExportChart } from './exportChart';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
const chart = syntheticExportChart;

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.slice(BOM.length), { skipEmptyLines: true }).data;
}

describe('chartCsv', () => {
  const csv = chartCsv(chart, 'fr');
  const rows = parse(csv);
  const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

  it('starts with a UTF-8 BOM and the header row, CRLF line ends', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(csv).toContain('\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes one row per point, series by series in time order, with its source columns', () => {
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[col('period')])).toEqual(['2022-01', '2023-05', '2022-06']);
    const last = rows[3]!;
    expect(last[col('source_url')]).toBe('https://example.org/other');
    expect(last[col('source_label')]).toBe('other synthetic source');
    expect(rows[2]![col('qualifier_label')]).toBe('minimum (plus de)');
    expect(rows[1]![col('chart')]).toBe('synthetic-chart');
    // A disputed figure lists what the other sources published.
    expect(rows[1]![col('other_sources')]).toBe(
      '~ 1100 another synthetic source <https://example.org/another>',
    );
    expect(rows[2]![col('other_sources')]).toBe('');
  });

  it('quotes text cells so a ; inside a label stays in its cell', () => {
    expect(csv).toContain('"Série A; avec point-virgule"');
    // Outside quoted cells there is no ; at all.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '')).not.toContain(';');
    expect(rows[1]![col('series')]).toBe('Série A; avec point-virgule');
  });

  it('makes text cells that start like a formula safe with a leading apostrophe', () => {
    expect(rows[1]![col('source_label')]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(rows[3]![col('series')]).toBe(`'-B series`);
    expect(rows[3]![col('note')]).toBe(`'@SUM(A1)\tline`);
    // The qualifier column holds one of = ~ > < and must read back into the app: a lone "="
    // runs nothing, so it is written as it is.
    expect(rows[2]![col('qualifier')]).toBe('>');
    expect(rows[1]![col('qualifier')]).toBe('=');
    for (const row of rows.slice(1)) {
      for (const [i, cell] of row.entries()) {
        if (i === col('value') || i === col('qualifier')) continue;
        expect(cell, `column ${CSV_COLUMNS[i]}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('keeps numbers as unquoted numbers, a negative value included (a value, not a formula)', () => {
    expect(csv).toContain(',-42.5,');
    expect(csv).toContain(',1000,');
    expect(rows[3]![col('value')]).toBe('-42.5');
  });

  it('escapes tab- and carriage-return-led text too', () => {
    const tricky: ExportChart = {
      ...chart,
      series: [
        {
          key: 't',
          label: '\tTAB',
          points: [syntheticPoint('2022-01', 1, { note: '\rCR', sourceLabel: '+1+1' })],
        },
      ],
    };
    const r = parse(chartCsv(tricky, 'en'))[1]!;
    expect(r[col('series')]).toBe(`'\tTAB`);
    expect(r[col('note')]).toBe(`'\rCR`);
    expect(r[col('source_label')]).toBe(`'+1+1`);
  });
});

describe('exportValue', () => {
  it('writes a published figure as published, a computed one as the page rounds it', () => {
    expect(exportValue(syntheticPoint('2022-10', 11.009174311926607), 'percent')).toBe(
      11.009174311926607,
    );
    const rate = syntheticPoint('2022-10', 11.009174311926607, { derivedFrom: [] });
    expect(exportValue(rate, 'percent')).toBe(11);
    expect(exportValue({ ...rate, value: 22.527 }, 'percent')).toBe(22.5);
    const perCapita = syntheticPoint('2024-01', 8.93456, { derivedFrom: [] });
    expect(exportValue(perCapita, 'count')).toBe(8.93);
    const sum = syntheticPoint('2024-01', 1_234_567, { derivedFrom: [] });
    expect(exportValue(sum, 'count')).toBe(1_234_567);
  });
});

describe('exportFileName', () => {
  const now = new Date('2024-03-09T23:30:00Z');
  it('names the file after the chart and the day', () => {
    expect(exportFileName('mes-profiles', 'csv', now)).toBe(
      'segur-pulse-mes-profiles-2024-03-09.csv',
    );
    expect(exportFileName('mes-rate', 'png', now)).toBe('segur-pulse-mes-rate-2024-03-09.png');
  });
  it('keeps only safe characters of the id', () => {
    expect(exportFileName('../Evil Name/x', 'svg', now)).toBe(
      'segur-pulse-evil-name-x-2024-03-09.svg',
    );
    expect(exportFileName('', 'svg', now)).toBe('segur-pulse-chart-2024-03-09.svg');
  });
});
