/** The shapes of the marks on a chart: a qualifier's mark, the line between points. */
import type { Qualifier } from '../model/observation';

export type MarkShape =
  | { kind: 'circle'; r: number; filled: boolean }
  | { kind: 'triangle'; direction: 'up' | 'down'; d: string };

function triangle(size: number, direction: 'up' | 'down'): string {
  // Equilateral, centred on its centroid so it sits on the data point like a circle does.
  const h = (size * Math.sqrt(3)) / 2;
  const s = direction === 'up' ? 1 : -1;
  const apex = ((-2 * h) / 3) * s;
  const base = (h / 3) * s;
  const half = size / 2;
  const r = (n: number) => Math.round(n * 100) / 100;
  return `M0,${r(apex)}L${r(half)},${r(base)}L${r(-half)},${r(base)}Z`;
}

/**
 * How a qualifier looks, so exact, approximate and bounded figures differ without relying on
 * colour: exact = filled circle, about = hollow circle, more than = triangle pointing up (the
 * true value is above), less than = triangle pointing down.
 */
export function qualifierMark(q: Qualifier, size = 10): MarkShape {
  switch (q) {
    case '=':
      return { kind: 'circle', r: size / 2, filled: true };
    case '~':
      return { kind: 'circle', r: size / 2 - 0.5, filled: false };
    case '>':
      return { kind: 'triangle', direction: 'up', d: triangle(size * 1.3, 'up') };
    case '<':
      return { kind: 'triangle', direction: 'down', d: triangle(size * 1.3, 'down') };
  }
}

/** Straight segments between published points: no curve that would invent values in between. */
export function connectorPath(points: readonly { x: number; y: number }[]): string {
  if (points.length < 2) return '';
  // What d3-shape's line() writes for straight segments: "M0,10L5,0L9,4".
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join('');
}
