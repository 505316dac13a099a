import { render } from '@testing-library/svelte';
import { syntheticPoint as monthPoint } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import DataTable from './DataTable.svelte';

const syntheticPoint = (...[period, value, over]: Parameters<typeof monthPoint>) =>
  monthPoint(period, value, { precision: 'day', ...over });

describe('DataTable', () => {
  it('is a captioned table with column headers and one row per point', () => {
    const { container } = render(DataTable, {
      props: {
        caption: 'Synthetic table',
        rows: [
          {
            series: 'A',
            point: syntheticPoint('2021-09-15', 15.4, {
              qualifier: '~',
              note: 'synthetic compiler note, quoting «une phrase de la source»',
            }),
          },
          { series: 'B', point: syntheticPoint('2022-01-10', 3) },
        ],
        unit: 'percent',
        lang: 'fr',
      },
    });
    expect(container.querySelector('table caption')?.textContent).toBe('Synthetic table');
    const headers = [...container.querySelectorAll('th[scope="col"]')].map((th) => th.textContent);
    expect(headers).toEqual([
      'Série',
      'Période',
      'Valeur',
      'Nature',
      'Source',
      'Citation ou calcul',
    ]);
    const rows = container.querySelectorAll('tr.data-row');
    expect(rows).toHaveLength(2);
    const cells = [...rows[0]!.querySelectorAll('td')].map((td) => td.textContent?.trim());
    expect(cells).toEqual([
      'A',
      '15 sept. 2021',
      'environ 15,4\u00a0%',
      'approximatif',
      'synthetic source',
      '« une phrase de la source »',
    ]);
  });

  it('has headers in English', () => {
    const { container } = render(DataTable, {
      props: { caption: 'c', rows: [], unit: 'count', lang: 'en' },
    });
    const headers = [...container.querySelectorAll('th')].map((th) => th.textContent);
    expect(headers).toEqual([
      'Series',
      'Period',
      'Value',
      'Kind',
      'Source',
      'Quote or calculation',
    ]);
    expect(container.querySelectorAll('tr.data-row')).toHaveLength(0);
  });
});
