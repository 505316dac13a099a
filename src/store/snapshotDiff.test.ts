import { describe, expect, it } from 'vitest';
import { syntheticObservation as obs } from '../../test/synthetic';
import { diffSnapshots } from './snapshotDiff';

describe('diffSnapshots', () => {
  const a = obs({ period: '2024-01', value: 10 });
  const b = obs({ period: '2024-02', value: 20 });
  const c = obs({ period: '2024-03', value: 30 });

  it('finds nothing between identical snapshots', () => {
    expect(diffSnapshots([a, b], [b, a])).toEqual({
      added: [],
      removed: [],
      changed: [],
      unchanged: 2,
    });
  });

  it('lists rows added, removed and values changed, with the changed fields', () => {
    const b2 = { ...b, value: 21, qualifier: '~' as const };
    const diff = diffSnapshots([a, b], [b2, c]);
    expect(diff.added).toEqual([c]);
    expect(diff.removed).toEqual([a]);
    expect(diff.changed).toEqual([{ before: b, after: b2, fields: ['value', 'qualifier'] }]);
    expect(diff.unchanged).toBe(0);
  });

  it('treats the same period from another source as another figure, not a change', () => {
    const other = { ...a, sourceUrl: 'https://example.org/other-synthetic-source', value: 11 };
    const diff = diffSnapshots([a], [a, other]);
    expect(diff.added).toEqual([other]);
    expect(diff.changed).toEqual([]);
  });

  it('reports a corrected note as a change of that field only', () => {
    const noted = { ...a, note: 'corrected' };
    expect(diffSnapshots([a], [noted]).changed[0]?.fields).toEqual(['note']);
  });
});
