/** What changed between two snapshots of a feed: pure, for the Sources page. */
import type { Observation } from '../model/observation';
import { sourceKey } from '../model/source';

export interface ChangedFigure {
  before: Observation;
  after: Observation;
  /** Fields whose content differs, e.g. ['value', 'qualifier']. */
  fields: (keyof Observation)[];
}

export interface SnapshotDiff {
  added: Observation[];
  removed: Observation[];
  changed: ChangedFigure[];
  unchanged: number;
}

/** Compared beyond the figure's identity: what a reader sees of it. */
const COMPARED: (keyof Observation)[] = ['value', 'qualifier', 'precision', 'sourceLabel', 'note'];

/**
 * One figure of one source (the tidy schema's primary key, as in the feed validation):
 * indicator, breakdown, place, period and source URL.
 */
function figureKey(o: Observation): string {
  return [o.indicator, o.breakdown, o.geo, o.period, sourceKey(o)].join('\u0000');
}

/** Rows added, removed and changed from `before` to `after`, each list in a stable order. */
export function diffSnapshots(
  before: readonly Observation[],
  after: readonly Observation[],
): SnapshotDiff {
  const old = new Map(before.map((o) => [figureKey(o), o]));
  const added: Observation[] = [];
  const changed: ChangedFigure[] = [];
  let unchanged = 0;
  for (const o of after) {
    const key = figureKey(o);
    const prior = old.get(key);
    if (!prior) {
      added.push(o);
      continue;
    }
    old.delete(key);
    const fields = COMPARED.filter((f) => prior[f] !== o[f]);
    if (fields.length) changed.push({ before: prior, after: o, fields });
    else unchanged += 1;
  }
  const removed = [...old.values()];
  const order = (a: Observation, b: Observation) =>
    a.indicator.localeCompare(b.indicator) ||
    a.geo.localeCompare(b.geo) ||
    a.period.localeCompare(b.period) ||
    sourceKey(a).localeCompare(sourceKey(b));
  added.sort(order);
  removed.sort(order);
  changed.sort((a, b) => order(a.after, b.after));
  return { added, removed, changed, unchanged };
}
