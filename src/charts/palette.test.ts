import { describe, expect, it } from 'vitest';
import { contrastRatio, INK, INK_MUTED, LINK, SERIES_COLOURS, seriesColour } from './palette';

describe('palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1);
    expect(contrastRatio('#767676')).toBeCloseTo(4.54, 2);
  });

  it.each(SERIES_COLOURS)('series colour %s keeps 3:1 against white (WCAG 1.4.11)', (c) => {
    expect(contrastRatio(c)).toBeGreaterThanOrEqual(3);
  });

  it.each([INK, INK_MUTED, LINK])('text colour %s keeps 4.5:1 against white (WCAG 1.4.3)', (c) => {
    expect(contrastRatio(c)).toBeGreaterThanOrEqual(4.5);
  });

  it('has distinct series colours and cycles past the end', () => {
    expect(new Set(SERIES_COLOURS).size).toBe(SERIES_COLOURS.length);
    expect(seriesColour(SERIES_COLOURS.length)).toBe(seriesColour(0));
  });
});
