import { fireEvent, render } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComponentProps } from 'svelte';
import type { Topology } from 'topojson-specification';
import { describe, expect, it, vi } from 'vitest';
import { deferredTables } from './deferredTables.svelte';
import { askTurn, renderInTurns, waitingTurns } from '../lib/renderQueue';
import { syntheticObservation } from '../../test/synthetic';
import { formatPercent } from '../lib/format';
import { regionByCode, regions } from '../model/geography';
import { regionSeries, regionValuesAsOf } from '../model/regional';
import { RATE_INDICATOR } from '../model/series';
import RegionMap from './RegionMap.svelte';
import {
  layoutDepartements,
  layoutRegions,
  mapLayoutFile,
  mapLayoutFiles,
  OVERSEAS_REGIONS,
} from './regionMapLayout';
import { MAP_COLOURS, mapColourScale } from './mapColours';
import { placeLabel } from './regionMapText';

/** Intl's French percent sign is preceded by a no-break space. */
const pct = (n: number) => formatPercent(n, 'fr');
const topology = (name: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../public/geo/${name}.topojson`), 'utf8'),
  ) as Topology;
const regionsTopology = topology('regions');

// Synthetic rates: Bretagne 15 % on 20 Dec 2023, Grand Est 0 % (a real zero, not an absence).
const observations = [
  syntheticObservation({
    indicator: RATE_INDICATOR,
    geo: 'REG-53',
    period: '2023-12-20',
    value: 15,
    sourceLabel: 'synthetic ARS',
  }),
  syntheticObservation({ indicator: RATE_INDICATOR, geo: 'REG-44', period: '2023-11', value: 0 }),
];
const values = regionValuesAsOf(
  regionSeries(observations, RATE_INDICATOR, false),
  new Date('2024-03-31T00:00:00Z'),
);

function renderMap(extra: Partial<ComponentProps<typeof RegionMap>> = {}) {
  return render(RegionMap, {
    props: {
      id: 'region-map',
      title: 'Taux d’activation par région',
      layout: layoutRegions(regionsTopology),
      geoPrefix: 'REG-',
      nameOf: (code: string) => regionByCode.get(code)?.nom ?? code,
      values,
      scaleValues: [0, 15, 30],
      unit: 'percent',
      lang: 'fr',
      ...extra,
    },
  });
}

const shapes = (c: HTMLElement) => [...c.querySelectorAll<SVGPathElement>('path[data-geo]')];
const shape = (c: HTMLElement, geo: string) =>
  c.querySelector<SVGPathElement>(`path[data-geo="${geo}"]`)!;

describe('layoutRegions', () => {
  const layout = layoutRegions(regionsTopology);

  it('draws the 18 regions, each with a path, and frames only the five overseas regions', () => {
    expect(layout.shapes.map((s) => s.code).sort()).toEqual(regions.map((r) => r.code).sort());
    for (const s of layout.shapes) expect(s.d, s.code).toMatch(/^M[\d.]/);
    expect(layout.frames.map((f) => f.code)).toEqual([...OVERSEAS_REGIONS]);
  });

  it('keeps every shape inside the view and each inset inside its frame', () => {
    for (const s of layout.shapes) {
      const [x, y] = s.anchor;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(layout.width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(layout.height);
      const frame = layout.frames.find((f) => f.code === s.code);
      if (frame) {
        expect(x).toBeGreaterThan(frame.x);
        expect(x).toBeLessThan(frame.x + frame.width);
        expect(y).toBeGreaterThan(frame.y);
        expect(y).toBeLessThan(frame.y + frame.height);
      }
    }
  });

  it('projects once per geometry: the same layout object comes back', () => {
    expect(layoutRegions(regionsTopology)).toBe(layout);
  });

  it('lays out the departments of one region', () => {
    const deps = layoutDepartements(topology('departements'), '53');
    expect(deps.shapes.map((s) => s.code).sort()).toEqual(['22', '29', '35', '56']);
  });

  it('publishes every map the pages draw: the regions, and each region with its departments', () => {
    const files = mapLayoutFiles((name) => topology(name));
    expect([...files.keys()].map(mapLayoutFile)).toEqual([
      'geo/regions.layout.json',
      ...regions.map((r) => `geo/departements-${r.code}.layout.json`),
    ]);
    expect(files.get('regions')?.shapes).toHaveLength(18);
    expect(
      files
        .get('departements-53')
        ?.shapes.map((s) => s.code)
        .sort(),
    ).toEqual(['22', '29', '35', '56']);
    expect(
      files
        .get('departements-94')
        ?.shapes.map((s) => s.code)
        .sort(),
    ).toEqual(['2A', '2B']);
    // What the page fetches is the JSON of the layout, path strings included.
    const regionsFile = JSON.parse(JSON.stringify(files.get('regions')));
    expect(regionsFile).toEqual(layoutRegions(regionsTopology));
  });
});

describe('RegionMap', () => {
  it('draws 18 region shapes keyed by INSEE code', () => {
    const { container } = renderMap();
    const geos = shapes(container).map((p) => p.getAttribute('data-geo'));
    expect(geos.sort()).toEqual(regions.map((r) => `REG-${r.code}`).sort());
    expect(container.querySelector('figure[data-chart-id="region-map"]')).not.toBeNull();
  });

  it('hatches regions without data, without a value, and colours a real zero as a value', () => {
    const { container } = renderMap();
    const bretagne = shape(container, 'REG-53');
    const grandEst = shape(container, 'REG-44');
    const normandie = shape(container, 'REG-28');
    expect(bretagne.getAttribute('data-value')).toBe('15');
    expect(grandEst.getAttribute('data-value')).toBe('0');
    expect(grandEst.getAttribute('fill')).toBe(MAP_COLOURS[0]);
    expect(grandEst.classList.contains('no-data')).toBe(false);
    expect(normandie.hasAttribute('data-value')).toBe(false);
    expect(normandie.classList.contains('no-data')).toBe(true);
    expect(normandie.getAttribute('fill')).toBe('url(#region-map-hatch)');
    expect(container.querySelector('pattern#region-map-hatch')).not.toBeNull();
    expect(container.querySelectorAll('path.no-data')).toHaveLength(16);
    // The legend explains the hatch.
    expect(container.querySelector('.legend-no-data')?.textContent).toContain('pas de données');
  });

  it('names each region with its value and date, or says it has no data', () => {
    const { container } = renderMap();
    expect(shape(container, 'REG-53').getAttribute('aria-label')).toBe(
      `Bretagne : ${pct(15)} le 20 déc. 2023`,
    );
    expect(shape(container, 'REG-44').getAttribute('aria-label')).toBe(
      `Grand Est : ${pct(0)} en nov. 2023`,
    );
    expect(shape(container, 'REG-28').getAttribute('aria-label')).toBe(
      'Normandie : pas de données',
    );
    for (const p of shapes(container)) {
      expect(p.getAttribute('tabindex')).toBe('0');
      expect(p.getAttribute('role')).toBe('link');
    }
  });

  it('shows value, date, qualifier, age and source on focus', async () => {
    const { container } = renderMap();
    await fireEvent.focus(shape(container, 'REG-53'));
    const tip = container.querySelector('[role="tooltip"]')!;
    expect(tip.textContent).toContain('Bretagne');
    expect(tip.textContent).toContain(pct(15));
    expect(tip.textContent).toContain('20 déc. 2023');
    expect(tip.textContent).toContain('exact');
    expect(tip.textContent).toContain('synthetic ARS');
    // 20 Dec 2023 to 31 Mar 2024: 102 days, about three months.
    expect(tip.textContent).toMatch(/3\smois/);
    await fireEvent.blur(shape(container, 'REG-53'));
    expect(container.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('opens a region on click and on Enter', async () => {
    const onOpen = vi.fn();
    const { container } = renderMap({ onOpen });
    await fireEvent.click(shape(container, 'REG-53'));
    await fireEvent.keyDown(shape(container, 'REG-28'), { key: 'Enter' });
    expect(onOpen.mock.calls).toEqual([['53'], ['28']]);
  });

  it('on touch, a first tap shows the value and a second tap on the same region opens it', async () => {
    const onOpen = vi.fn();
    const { container } = renderMap({ onOpen });
    const bretagne = shape(container, 'REG-53');
    const tap = async () => {
      await fireEvent.pointerDown(bretagne, { pointerType: 'touch' });
      await fireEvent.click(bretagne);
    };
    await tap();
    expect(onOpen).not.toHaveBeenCalled();
    expect(container.querySelector('[role="tooltip"]')?.textContent).toContain('Bretagne');
    await tap();
    expect(onOpen.mock.calls).toEqual([['53']]);
  });

  it('recolours without re-projecting when the values change', async () => {
    const { container, rerender } = renderMap();
    const before = shape(container, 'REG-53').getAttribute('d');
    const later = regionValuesAsOf(
      regionSeries(observations, RATE_INDICATOR, false),
      new Date('2023-12-01T00:00:00Z'),
    );
    await rerender({ values: later });
    expect(shape(container, 'REG-53').hasAttribute('data-value')).toBe(false);
    expect(shape(container, 'REG-53').getAttribute('d')).toBe(before);
    expect(shape(container, 'REG-44').getAttribute('data-value')).toBe('0');
  });

  it('has a table alternative listing every region', async () => {
    const { container } = renderMap();
    // The closed table is rendered once the page is idle after the first paint.
    await vi.waitFor(() =>
      expect(container.querySelectorAll('details tr.data-row')).toHaveLength(18),
    );
    const rows = [...container.querySelectorAll('details tr.data-row')];
    expect(rows).toHaveLength(18);
    const bretagne = rows.find((r) => r.getAttribute('data-geo') === 'REG-53')!;
    expect(bretagne.textContent).toContain('synthetic ARS');
    const normandie = rows.find((r) => r.getAttribute('data-geo') === 'REG-28')!;
    expect(normandie.textContent).toContain('pas de données');
  });

  it('lists every place at once when its table is shown open and nothing renders in turns', () => {
    const due = deferredTables.shown;
    deferredTables.shown = false;
    try {
      const { container } = renderMap({ tableOpen: true });
      expect(container.querySelectorAll('details[open] tr.data-row')).toHaveLength(18);
    } finally {
      deferredTables.shown = due;
    }
  });

  it('renders a table shown open in the turn after the map’s, not with it (the Regions page)', async () => {
    renderInTurns(true);
    try {
      const { container } = renderMap({ tableOpen: true });
      expect(container.querySelectorAll('path[data-geo]').length).toBeGreaterThan(0);
      expect(container.querySelectorAll('details[open] tr.data-row')).toHaveLength(0);
      await new Promise<void>((resolve) => askTurn(resolve));
      expect(container.querySelectorAll('details[open] tr.data-row')).toHaveLength(18);
    } finally {
      renderInTurns(false);
    }
  });

  it('takes the open <details>’ own toggle event for no reader’s opening: later parts still wait', () => {
    renderInTurns(true);
    try {
      const { container } = renderMap({ tableOpen: true });
      let laterPartRendered = false;
      askTurn(() => (laterPartRendered = true));
      const details = container.querySelector('details')!;
      // What a browser sends, in a task of its own, for a <details> created open.
      details.dispatchEvent(new Event('toggle'));
      expect(laterPartRendered).toBe(false);
      expect(waitingTurns()).toBe(2);

      // A reader closing then opening it again renders every waiting part at once, as before.
      details.open = false;
      details.dispatchEvent(new Event('toggle'));
      expect(laterPartRendered).toBe(false);
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
      expect(laterPartRendered).toBe(true);
      expect(waitingTurns()).toBe(0);
    } finally {
      renderInTurns(false);
    }
  });
});

describe('map text', () => {
  it('says per-capita values with their unit', () => {
    const v = values.find((x) => x.code === '53')!.value!;
    expect(placeLabel('Bretagne', v, 'count', 'en', 'per 100 inhabitants')).toBe(
      'Bretagne: 15 per 100 inhabitants on 20 Dec 2023',
    );
  });

  it('keeps colour classes fixed from zero to the largest value', () => {
    const scale = mapColourScale([3, 47]);
    expect(scale.domain()).toEqual([0, 50]);
    expect(scale(0)).toBe(MAP_COLOURS[0]);
    expect(scale(50)).toBe(MAP_COLOURS[4]);
  });
});
