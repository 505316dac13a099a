import { describe, expect, it } from 'vitest';
import { connectorPath, qualifierMark } from './markShapes';

describe('qualifierMark', () => {
  it('draws each qualifier differently', () => {
    expect(qualifierMark('=')).toEqual({ kind: 'circle', r: 5, filled: true });
    expect(qualifierMark('~')).toMatchObject({ kind: 'circle', filled: false });
    const up = qualifierMark('>');
    const down = qualifierMark('<');
    expect(up).toMatchObject({ kind: 'triangle', direction: 'up' });
    expect(down).toMatchObject({ kind: 'triangle', direction: 'down' });
    // Upward: the apex (first vertex) is above the centre, i.e. negative y in SVG.
    const apexY = (d: string) => Number(/^M0,([-\d.]+)/.exec(d)?.[1]);
    if (up.kind !== 'triangle' || down.kind !== 'triangle') throw new Error('not triangles');
    expect(apexY(up.d)).toBeLessThan(0);
    expect(apexY(down.d)).toBeGreaterThan(0);
  });
});

describe('connectorPath', () => {
  it('joins points with straight segments and needs two points', () => {
    expect(connectorPath([{ x: 0, y: 0 }])).toBe('');
    expect(
      connectorPath([
        { x: 0, y: 10 },
        { x: 5, y: 0 },
        { x: 9, y: 4 },
      ]),
    ).toBe('M0,10L5,0L9,4');
  });
});
