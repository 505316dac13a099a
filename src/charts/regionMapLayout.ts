/**
 * Where each region or department is drawn: metropolitan France in a conformal conic projection
 * (Lambert-93's parallels) and the five overseas regions in insets of their own, each with its own
 * Mercator projection. Only the five regions get an inset, so no empty frame is drawn for
 * territories the data never covers.
 *
 * Projected at build time (mapLayoutFiles, written by vite.config.ts beside the app as
 * geo/<map>.layout.json): projecting the regions took 370 ms of the Regions page's first task at
 * 4x CPU, and d3-geo and topojson-client stayed out of the app's code. Path strings are also
 * cached here, for the server render and the tests.
 */
import { geoConicConformal, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { departements, regions } from '../model/geography';

export interface MapShape {
  /** INSEE code (region or department). */
  code: string;
  d: string;
  /** Where a tooltip points to, in viewBox units. */
  anchor: [number, number];
}

export interface MapFrame {
  code: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapLayout {
  width: number;
  height: number;
  shapes: MapShape[];
  /** Inset frames (overseas regions); none for a single-projection map. */
  frames: MapFrame[];
}

/** Overseas regions drawn as insets, in the order they are stacked. */
export const OVERSEAS_REGIONS = ['01', '02', '03', '04', '06'] as const;

export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 540;
const INSET_X = 4;
const INSET_SIZE = 96;
const INSET_GAP = 10;
const INSET_PAD = 8;
const METRO_BOX: [[number, number], [number, number]] = [
  [INSET_X + INSET_SIZE + 20, 10],
  [MAP_WIDTH - 4, MAP_HEIGHT - 10],
];

type Shape = Feature;

function features(topology: Topology, name: string): Shape[] {
  const object = topology.objects[name] as GeometryCollection | undefined;
  if (!object) throw new Error(`geometry has no "${name}" layer`);
  return (feature(topology, object) as FeatureCollection).features;
}

function metroProjection(): GeoProjection {
  return geoConicConformal().parallels([44, 49]).rotate([-3, 0]);
}

function project(shapes: readonly Shape[], projection: GeoProjection): MapShape[] {
  const path = geoPath(projection).digits(1);
  return shapes.map((f) => {
    const [x, y] = path.centroid(f);
    return { code: String(f.id), d: path(f) ?? '', anchor: [round(x), round(y)] };
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function collection(shapes: readonly Shape[]): FeatureCollection {
  return { type: 'FeatureCollection', features: [...shapes] };
}

const regionLayouts = new WeakMap<Topology, MapLayout>();

/** The 18 regions: metropolitan France plus five insets on the left. */
export function layoutRegions(topology: Topology): MapLayout {
  const cached = regionLayouts.get(topology);
  if (cached) return cached;
  const all = features(topology, 'regions');
  const overseas = new Set<string>(OVERSEAS_REGIONS);
  const metro = all.filter((f) => !overseas.has(String(f.id)));
  const shapes = project(metro, metroProjection().fitExtent(METRO_BOX, collection(metro)));
  const frames: MapFrame[] = [];
  OVERSEAS_REGIONS.forEach((code, i) => {
    const shape = all.find((f) => String(f.id) === code);
    if (!shape) return;
    const frame = {
      code,
      x: INSET_X,
      y: 10 + i * (INSET_SIZE + INSET_GAP),
      width: INSET_SIZE,
      height: INSET_SIZE,
    };
    frames.push(frame);
    const projection = geoMercator().fitExtent(
      [
        [frame.x + INSET_PAD, frame.y + INSET_PAD],
        [frame.x + frame.width - INSET_PAD, frame.y + frame.height - INSET_PAD - 10],
      ],
      shape,
    );
    shapes.push(...project([shape], projection));
  });
  const layout = { width: MAP_WIDTH, height: MAP_HEIGHT, shapes, frames };
  regionLayouts.set(topology, layout);
  return layout;
}

const departementLayouts = new WeakMap<Topology, Map<string, MapLayout>>();

/** The departments of one region, alone on the map. */
export function layoutDepartements(topology: Topology, regionCode: string): MapLayout {
  let byRegion = departementLayouts.get(topology);
  if (!byRegion) departementLayouts.set(topology, (byRegion = new Map()));
  const cached = byRegion.get(regionCode);
  if (cached) return cached;
  const codes = new Set(departements.filter((d) => d.region === regionCode).map((d) => d.code));
  const shapes = features(topology, 'departements').filter((f) => codes.has(String(f.id)));
  const width = 420;
  const height = 380;
  const base = (OVERSEAS_REGIONS as readonly string[]).includes(regionCode)
    ? geoMercator()
    : metroProjection();
  const projection = base.fitExtent(
    [
      [10, 10],
      [width - 10, height - 10],
    ],
    collection(shapes),
  );
  const layout = { width, height, shapes: project(shapes, projection), frames: [] };
  byRegion.set(regionCode, layout);
  return layout;
}

/** The name of a map's layout file: the regions' map, or one region's departments. */
export type MapName = 'regions' | `departements-${string}`;

/** Where a map's layout is published beside the app. */
export function mapLayoutFile(name: MapName): string {
  return `geo/${name}.layout.json`;
}

/**
 * Every map the app draws, projected from the boundaries (public/geo/*.topojson): the regions'
 * map and each region's departments.
 */
export function mapLayoutFiles(
  readTopology: (name: 'regions' | 'departements') => Topology,
): Map<MapName, MapLayout> {
  const files = new Map<MapName, MapLayout>([['regions', layoutRegions(readTopology('regions'))]]);
  const departementsTopology = readTopology('departements');
  for (const region of regions)
    files.set(`departements-${region.code}`, layoutDepartements(departementsTopology, region.code));
  return files;
}
