/**
 * The communes of the search field, built at build time from INSEE's official geographic code
 * (`@etalab/decoupage-administratif`, data/communes.json: about 35,000 current communes with their
 * postal codes) into a compact text, which the app loads only when the field is first used
 * (vite.config.ts: `virtual:commune-index`).
 *
 * Format: one block per department, a line `=<department code>` then one line per commune,
 * `<name>\t<postal codes, space-separated>`, most populous first (the order is the tie-break of the
 * search). A postal code starting with the department's two first characters is written without
 * them (`40000` in `=40` is `000`); others in full (Corsica's `20…`). Only communes of the 101
 * departments: the overseas collectivities have no page here.
 */

/** A commune as @etalab/decoupage-administratif gives it (the fields used here). */
export interface CommuneRecord {
  nom: string;
  type: string;
  zone: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

export interface Commune {
  name: string;
  /** INSEE department code (`40`, `2A`, `971`). */
  dep: string;
  postalCodes: string[];
  /** Rank within its department by population, 0 the most populous. */
  rank: number;
}

const isIndexed = (c: CommuneRecord) =>
  c.type === 'commune-actuelle' && (c.zone === 'metro' || c.zone === 'drom') && !!c.departement;

export function buildCommuneIndex(records: readonly CommuneRecord[]): string {
  const byDep = new Map<string, CommuneRecord[]>();
  for (const c of records.filter(isIndexed)) {
    const list = byDep.get(c.departement!) ?? [];
    list.push(c);
    byDep.set(c.departement!, list);
  }
  const lines: string[] = [];
  for (const dep of [...byDep.keys()].sort()) {
    lines.push(`=${dep}`);
    const prefix = dep.slice(0, 2);
    const communes = byDep
      .get(dep)!
      .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.nom.localeCompare(b.nom));
    for (const c of communes) {
      const codes = (c.codesPostaux ?? []).map((p) => (p.startsWith(prefix) ? p.slice(2) : p));
      lines.push(`${c.nom}\t${codes.join(' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function parseCommuneIndex(text: string): Commune[] {
  const communes: Commune[] = [];
  let dep = '';
  let rank = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('=')) {
      dep = line.slice(1);
      rank = 0;
      continue;
    }
    const [name = '', codes = ''] = line.split('\t');
    const prefix = dep.slice(0, 2);
    communes.push({
      name,
      dep,
      postalCodes: codes ? codes.split(' ').map((p) => (p.length === 3 ? prefix + p : p)) : [],
      rank: rank++,
    });
  }
  return communes;
}
