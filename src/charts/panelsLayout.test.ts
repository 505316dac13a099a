import { describe, expect, it } from 'vitest';
import { syntheticPoint } from '../../test/synthetic';
import { layoutPanels } from './panelsLayout';

describe('layoutPanels', () => {
  const panels = [
    { key: 'REG-11', label: 'Île-de-France', points: [syntheticPoint('2022-01', 40)] },
    { key: 'REG-53', label: 'Bretagne', points: [syntheticPoint('2024-01', 10)] },
    { key: 'REG-93', label: 'Sud', points: [] },
  ];
  const layout = layoutPanels({ panels, unit: 'count', lang: 'fr' });

  it('puts every panel on the same time and value scales', () => {
    const [idf, bretagne] = layout.panels;
    // The earliest date on the left edge of the plot, the latest on the right, in every panel.
    expect(idf!.points[0]!.x).toBe(layout.margin.left + 6);
    expect(bretagne!.points[0]!.x).toBe(layout.width - layout.margin.right - 6);
    // Heights compare: 10 sits a quarter as high above the baseline as 40.
    const base = layout.height - layout.margin.bottom;
    expect((base - bretagne!.points[0]!.y) * 4).toBeCloseTo(base - idf!.points[0]!.y);
    expect(layout.panels[2]!.points).toEqual([]);
  });

  it('labels a few ticks on each axis, starting from 0', () => {
    expect(layout.yTicks[0]).toMatchObject({ value: 0, y: layout.height - layout.margin.bottom });
    expect(layout.yTicks.length).toBeLessThanOrEqual(5);
    expect(layout.xTicks.length).toBeGreaterThan(0);
    expect(layout.xTicks.length).toBeLessThanOrEqual(4);
  });
});
