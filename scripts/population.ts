/**
 * Population per department and region, summed from the communes of INSEE's legal populations
 * as published in @etalab/decoupage-administratif. Pure, so it is tested without the 8 MB file.
 */

export interface Commune {
  code: string;
  type: string;
  zone: string;
  departement?: string;
  region?: string;
  population?: number;
}

export interface PopulationTable {
  source: string;
  sourceUrl: string;
  note: string;
  total: number;
  regions: Record<string, number>;
  departements: Record<string, number>;
}

/**
 * Only current communes (`commune-actuelle`) count: Paris, Lyon and Marseille also list their
 * municipal arrondissements, and delegated or associated communes are parts of a current one, so
 * adding them would count people twice. Overseas collectivities (`zone: com`) are not regions.
 */
export function populationTable(communes: readonly Commune[]): PopulationTable {
  const regions: Record<string, number> = {};
  const departements: Record<string, number> = {};
  let total = 0;
  for (const c of communes) {
    if (c.type !== 'commune-actuelle' || (c.zone !== 'metro' && c.zone !== 'drom')) continue;
    if (!c.departement || !c.region || typeof c.population !== 'number') {
      throw new Error(`commune ${c.code} lacks a department, a region or a population`);
    }
    departements[c.departement] = (departements[c.departement] ?? 0) + c.population;
    regions[c.region] = (regions[c.region] ?? 0) + c.population;
    total += c.population;
  }
  return {
    source:
      'INSEE, populations légales des communes, via @etalab/decoupage-administratif 6.0.0 (COG 2026); Mayotte : recensement INSEE 2017',
    sourceUrl: 'https://www.insee.fr/fr/statistiques/8680726?sommaire=8681011',
    note: 'Sum of the population field of current communes (municipal arrondissements of Paris, Lyon and Marseille and delegated or associated communes are not counted twice). Mayotte is from the 2017 census, as in the package.',
    total,
    regions: sortedRecord(regions),
    departements: sortedRecord(departements),
  };
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
