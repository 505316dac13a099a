import { describe, expect, it } from 'vitest';
import { BUDGETS, exitCode, judge } from './budgets';
import { staticClosure, type ViteManifest } from './bytes';
import { spread } from './stats';

describe('spread', () => {
  it('gives the median and quartiles of an even and an odd count', () => {
    expect(spread([5, 1, 3])).toMatchObject({ median: 3, min: 1, max: 5, p25: 2, p75: 4 });
    expect(spread([4, 1, 3, 2]).median).toBe(2.5);
  });
});

describe('staticClosure', () => {
  const manifest: ViteManifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_shared.js'],
      dynamicImports: ['src/Page.svelte'],
      css: ['assets/index.css'],
    },
    '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] },
    'src/Page.svelte': { file: 'assets/Page.js', imports: ['_lazy.js'], css: ['assets/page.css'] },
    '_lazy.js': { file: 'assets/lazy.js' },
  };

  it('follows static imports (cycles included) and leaves dynamic imports out', () => {
    expect(staticClosure(manifest, 'index.html', [])).toEqual({
      js: ['assets/index.js', 'assets/shared.js'],
      css: ['assets/index.css'],
    });
  });

  it('counts the dynamic imports the entry makes at every start, with their static imports', () => {
    expect(staticClosure(manifest, 'index.html', ['src/Page.svelte'])).toEqual({
      js: ['assets/index.js', 'assets/shared.js', 'assets/Page.js', 'assets/lazy.js'],
      css: ['assets/index.css', 'assets/page.css'],
    });
    expect(() => staticClosure(manifest)).toThrow(/does not import "src\/start.ts"/);
  });

  it('refuses a manifest without the entry', () => {
    expect(() => staticClosure({})).toThrow(/no entry "index.html"/);
  });
});

describe('judge', () => {
  it('meets at the limit, misses above it, and says what could not be checked', () => {
    const verdicts = judge({
      firstPaintJs: 90_000,
      firstChartWarm: 501,
      mapSwitch: { notMeasured: 'the region map is not built yet' },
    });
    const byId = Object.fromEntries(verdicts.map((v) => [v.budget.id, v]));
    expect(byId.firstPaintJs?.status).toBe('met');
    expect(byId.firstChartWarm?.status).toBe('missed');
    expect(byId.mapSwitch).toMatchObject({
      status: 'not checked',
      reason: 'the region map is not built yet',
    });
    expect(byId.seriesRead?.status).toBe('not checked');
    expect(exitCode(verdicts)).toBe(1);
  });

  it('exits 0 only when every budget is met, 2 when one is unchecked', () => {
    const all = Object.fromEntries(BUDGETS.map((b) => [b.id, b.limit]));
    expect(exitCode(judge(all))).toBe(0);
    expect(exitCode(judge({ ...all, mapSwitch: { notMeasured: 'x' } }))).toBe(2);
  });
});
