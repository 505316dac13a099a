/**
 * Builds the map boundaries and the population table of the Regions pages.
 *
 *   npm run build-geo
 *
 * Geometry: ../shared/data/geo/*.geojson (IGN Admin Express 2018 via gregoiredavid/france-geojson,
 * Licence Ouverte) -> public/geo/regions.topojson and public/geo/departements.topojson, features
 * keyed by INSEE code, simplified (Visvalingam, topojson-simplify) and quantized. The overseas
 * regions are drawn as insets about five times larger than their share of the metropolitan scale,
 * so their detail is kept in proportion: the simplification weighs each point by the scale its
 * territory is drawn at. The two files together must stay within GZIP_BUDGET or the script fails.
 *
 * Population: INSEE legal populations of the communes in @etalab/decoupage-administratif, summed
 * per department and region into src/model/population.json. The communes file (8 MB) is read
 * here only; the app ships the 119-entry table.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import {
  filter,
  presimplify,
  simplify,
  sphericalRingArea,
  sphericalTriangleArea,
} from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { populationTable, type Commune } from './population';

const root = resolve(import.meta.dirname, '..');
const geoInput = resolve(root, '../shared/data/geo');
const geoOutput = resolve(root, 'public/geo');
const populationOutput = resolve(root, 'src/model/population.json');
const communesFile = resolve(
  root,
  'node_modules/@etalab/decoupage-administratif/data/communes.json',
);

/** Regions and departments together, gzip-compressed (issue 4). */
export const GZIP_BUDGET = 60 * 1024;

/**
 * Smallest triangle kept, in steradians at the metropolitan scale. When metropolitan France is
 * drawn 500 px tall, 1 px ≈ 2 km and 4 km² ≈ 1e-7 sr: half a square pixel keeps the detail a
 * region page needs when it zooms on one region's departments (about three times larger).
 */
const MIN_TRIANGLE = 6e-8;
/** Islands smaller than this (same unit) are left out: a few pixels at most. */
const MIN_RING = 6e-7;
/** How much larger the overseas insets are drawn than the metropolitan scale (see regionMapLayout). */
const INSET_RATIO = 5;
const QUANTIZATION = 1e5;

const OVERSEAS_REGIONS = ['01', '02', '03', '04', '06'];

type Box = [number, number, number, number];

function bboxOf(geometry: Geometry): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else (c as unknown[]).forEach(visit);
  };
  if ('coordinates' in geometry) visit(geometry.coordinates);
  return box;
}

/** Largest side of a box in degrees of latitude (longitudes shrunk by the cosine of latitude). */
function span([x0, y0, x1, y1]: Box): number {
  const cos = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  return Math.max((x1 - x0) * cos, y1 - y0);
}

function readCollection(name: string): FeatureCollection {
  return JSON.parse(readFileSync(resolve(geoInput, name), 'utf8')) as FeatureCollection;
}

/**
 * Scale of each territory relative to metropolitan France, as drawn: weights are multiplied by
 * its square, so an inset drawn five times larger keeps five times finer detail.
 */
function territoryScales(regions: FeatureCollection): (p: Position) => number {
  const boxes = new Map(
    regions.features.map((f) => [String(f.properties?.code), bboxOf(f.geometry)]),
  );
  const metroSpan = span(
    [...boxes.entries()]
      .filter(([code]) => !OVERSEAS_REGIONS.includes(code))
      .map(([, b]) => b)
      .reduce((a, b) => [
        Math.min(a[0], b[0]),
        Math.min(a[1], b[1]),
        Math.max(a[2], b[2]),
        Math.max(a[3], b[3]),
      ]),
  );
  const overseas = OVERSEAS_REGIONS.map((code) => {
    const box = boxes.get(code);
    if (!box) throw new Error(`regions GeoJSON lacks overseas region ${code}`);
    return { box, scale: (metroSpan / span(box) / INSET_RATIO) ** 2 };
  });
  return ([x, y]) => {
    const inside = overseas.find(
      ({ box }) => x! >= box[0] && x! <= box[2] && y! >= box[1] && y! <= box[3],
    );
    return inside ? inside.scale : 1;
  };
}

/** Features keyed by INSEE code, with no other property: names come from the COG at run time. */
function keyed(collection: FeatureCollection, expected: number, label: string): FeatureCollection {
  const features: Feature[] = collection.features.map((f) => {
    const code = f.properties?.code;
    if (typeof code !== 'string' || code === '') throw new Error(`${label}: a feature has no code`);
    return { type: 'Feature', id: code, properties: {}, geometry: f.geometry };
  });
  const codes = new Set(features.map((f) => f.id));
  if (codes.size !== expected || features.length !== expected) {
    throw new Error(
      `${label}: expected ${expected} features with distinct codes, got ${codes.size}`,
    );
  }
  return { type: 'FeatureCollection', features };
}

export function buildTopology(
  name: 'regions' | 'departements',
  collection: FeatureCollection,
  scaleAt: (p: Position) => number,
): Topology {
  const raw = topology({ [name]: collection }) as unknown as Topology<Objects<object>>;
  const weighted = presimplify(
    raw,
    (triangle) => sphericalTriangleArea(triangle) * scaleAt(triangle[1] as Position),
  );
  const simplified = simplify(weighted, MIN_TRIANGLE);
  // The filter is given a ring as arc indices (its type declaration says coordinates).
  const kept = filter(simplified, (ring) => {
    const coords = ringCoordinates(simplified, ring as unknown as number[]);
    return sphericalRingArea(coords as [number, number][], false) * scaleAt(coords[0]!) >= MIN_RING;
  });
  return quantize(kept, QUANTIZATION);
}

function ringCoordinates(topo: Topology, ring: number[]): Position[] {
  const out: Position[] = [];
  for (const index of ring) {
    const arc = topo.arcs[index < 0 ? ~index : index]!;
    const points = index < 0 ? [...arc].reverse() : arc;
    out.push(...points.map((p) => [p[0]!, p[1]!]));
  }
  return out;
}

function main(): void {
  const regions = readCollection('regions-avec-outre-mer.geojson');
  const departements = readCollection('departements-avec-outre-mer.geojson');
  const scaleAt = territoryScales(regions);

  mkdirSync(geoOutput, { recursive: true });
  let total = 0;
  const layers = [
    ['regions', keyed(regions, 18, 'regions')],
    ['departements', keyed(departements, 101, 'departements')],
  ] as const;
  for (const [name, collection] of layers) {
    const topo = buildTopology(name, collection, scaleAt);
    const text = JSON.stringify(topo);
    const gzip = gzipSync(text, { level: 9 }).length;
    total += gzip;
    writeFileSync(resolve(geoOutput, `${name}.topojson`), text);
    console.log(
      `public/geo/${name}.topojson: ${(text.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`,
    );
  }
  console.log(`together: ${(total / 1024).toFixed(1)} KB gzip (budget ${GZIP_BUDGET / 1024} KB)`);
  if (total > GZIP_BUDGET) {
    console.error('over budget: raise MIN_TRIANGLE or lower QUANTIZATION');
    process.exit(1);
  }
  writeFileSync(resolve(geoOutput, 'LICENCE.md'), LICENCE);

  const communes = JSON.parse(readFileSync(communesFile, 'utf8')) as Commune[];
  const table = populationTable(communes);
  writeFileSync(populationOutput, `${JSON.stringify(table, null, 2)}\n`);
  console.log(
    `src/model/population.json: ${Object.keys(table.regions).length} regions, ${Object.keys(table.departements).length} departments, ${table.total} inhabitants`,
  );
}

const LICENCE = `# Boundaries: origin and licence

\`regions.topojson\` and \`departements.topojson\` are simplified from the GeoJSON files of the
public repository [gregoiredavid/france-geojson](https://github.com/gregoiredavid/france-geojson)
(\`regions-avec-outre-mer.geojson\`, \`departements-avec-outre-mer.geojson\`, commit 5d34ee6,
2018-10-16), themselves derived from IGN's **Admin Express** (2018).

Licence: [Licence Ouverte / Open Licence](https://www.etalab.gouv.fr/licence-ouverte-open-licence)
(Etalab), per the IGN Admin Express terms. Source: IGN — Admin Express.

Features are keyed by INSEE code (regions \`01\`…\`94\`, departments \`01\`…\`976\`, \`2A\`, \`2B\`).
Built by \`scripts/build-geometry.ts\` (\`npm run build-geo\`): simplified with topojson-simplify,
quantized with topojson-client. The shapes are simplified for a small on-screen map and must not
be used for measurement.
`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
