import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { syntheticPoint } from '../../test/synthetic';
import { profilesChart, rateChart } from '../views/activation/activationView';
import { overviewCharts } from '../views/overview/overviewView';
import { layoutTimeChart } from './timeChartLayout';
import {
  BACKGROUND,
  CONNECTOR_OPACITY,
  colourOf,
  contrastRatio,
  DARK_BACKGROUND,
  INK,
  INK_MUTED,
  LINK,
  SERIES_COLOURS,
  seriesColour,
} from './palette';

/** The custom properties of one block of src/app.css: `--name: #hex;` pairs. */
function customProperties(block: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) {
    found[m[1]!] = m[2]!.toUpperCase();
  }
  return found;
}

function themes(): { light: Record<string, string>; dark: Record<string, string> } {
  // Vitest runs from the project root (vite.config.ts); CSS imports are stubbed there, so read the file.
  const css = readFileSync(resolve(process.cwd(), 'src/app.css'), 'utf8');
  const light = /:root\s*\{([^}]*)\}/.exec(css)?.[1];
  const dark = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1];
  if (!light || !dark) throw new Error('src/app.css: light :root or dark media block not found');
  return { light: customProperties(light), dark: customProperties(dark) };
}

const { light, dark } = themes();
const THEMES = { light, dark };

/** Text on a surface: WCAG 1.4.3, 4.5:1. */
const TEXT_PAIRS: [fg: string, bg: string][] = [
  ['fg', 'bg'],
  ['fg', 'bg-soft'],
  ['fg-muted', 'bg'],
  ['fg-muted', 'bg-soft'],
  ['link', 'bg'],
  ['link', 'bg-soft'],
  ['accent', 'bg'],
  ['error-fg', 'error-bg'],
  ['error-fg', 'bg-soft'],
];

describe('palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1);
    expect(contrastRatio('#767676')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21);
  });

  it('matches the backgrounds of src/app.css', () => {
    expect(light.bg).toBe(BACKGROUND);
    expect(dark.bg).toBe(DARK_BACKGROUND);
  });

  describe.each(Object.entries(THEMES))('%s theme', (name, theme) => {
    it.each(SERIES_COLOURS)(
      `series colour %s keeps 3:1 against the ${name} background (1.4.11)`,
      (c) => {
        expect(contrastRatio(c, theme.bg!)).toBeGreaterThanOrEqual(3);
      },
    );

    it.each(TEXT_PAIRS)(`text --%s on --%s keeps 4.5:1 (1.4.3)`, (fg, bg) => {
      expect(theme[fg], `--${fg} in the ${name} theme`).toBeDefined();
      expect(theme[bg], `--${bg} in the ${name} theme`).toBeDefined();
      expect(contrastRatio(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(4.5);
    });

    it('focus ring and axis marks keep 3:1 against the background (1.4.11)', () => {
      expect(contrastRatio(theme.focus!, theme.bg!)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(theme['fg-muted']!, theme.bg!)).toBeGreaterThanOrEqual(3);
    });
  });

  it.each([INK, INK_MUTED, LINK])('chart text colour %s keeps 4.5:1 against white', (c) => {
    expect(contrastRatio(c)).toBeGreaterThanOrEqual(4.5);
  });

  it('has distinct series colours and cycles past the end', () => {
    expect(new Set(SERIES_COLOURS).size).toBe(SERIES_COLOURS.length);
    expect(seriesColour(SERIES_COLOURS.length)).toBe(seriesColour(0));
  });

  it.each(['normal', 'protan', 'deutan', 'tritan'] as const)(
    'keeps every two series colours apart for %s vision (CIE76 ΔE >= 12)',
    (vision) => {
      for (const [i, a] of SERIES_COLOURS.entries()) {
        for (const b of SERIES_COLOURS.slice(i + 1)) {
          expect(deltaE(seen(a, vision), seen(b, vision)), `${a} vs ${b}`).toBeGreaterThanOrEqual(
            12,
          );
        }
      }
    },
  );
});

/** `colour` at `opacity` over `background`, as the screen shows it (sRGB blending). */
function blend(colour: string, opacity: number, background: string): string {
  const c = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  const mix = [1, 3, 5].map((i) =>
    Math.round(opacity * c(colour, i) + (1 - opacity) * c(background, i)),
  );
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

describe('one colour per indicator, visible in both themes', () => {
  const colours = (series: { key: string; points: ReturnType<typeof syntheticPoint>[] }[]) =>
    Object.fromEntries(
      layoutTimeChart({
        series: series.map((s) => ({ ...s, label: s.key })),
        width: 640,
        height: 280,
        unit: 'count',
        lang: 'fr',
      }).series.map((s) => [s.key, s.colour]),
    );

  it('gives open and activated profiles the same colours on the Overview and the tracker', () => {
    const observations = [
      { ...syntheticPoint('2024-01', 10), indicator: 'mes_profiles_activated' },
      { ...syntheticPoint('2024-01', 60), indicator: 'mes_profiles_open' },
    ];
    const overview = overviewCharts(observations, 'fr').find((c) => c.id === 'mes-profiles')!;
    const tracker = profilesChart(observations, 'FR', 'fr');
    // The two pages list the series in opposite orders: colours must not follow the order.
    expect(overview.series.map((s) => s.key)).not.toEqual(tracker.series.map((s) => s.key));
    expect(colours(overview.series)).toEqual(colours(tracker.series));
    expect(colours(overview.series)).toEqual({
      mes_profiles_activated: colourOf('mes_profiles_activated', 0),
      mes_profiles_open: colourOf('mes_profiles_open', 0),
    });
    const overviewRate = overviewCharts(observations, 'fr').find((c) => c.id === 'mes-rate')!;
    expect(colours(overviewRate.series)).toEqual(
      colours(rateChart(observations, 'FR', 'fr').series),
    );
  });

  describe.each(Object.entries(THEMES))('%s theme', (name, theme) => {
    it('keeps the disputed-figure halo and the focus ring at 3:1 (they use --fg)', () => {
      // TimeChart draws both with `stroke: var(--fg)`.
      expect(contrastRatio(theme.fg!, theme.bg!)).toBeGreaterThanOrEqual(3);
    });

    it.each(SERIES_COLOURS)(
      `keeps the dotted connectors of %s at 3:1 against the ${name} background`,
      (c) => {
        expect(
          contrastRatio(blend(c, CONNECTOR_OPACITY, theme.bg!), theme.bg!),
        ).toBeGreaterThanOrEqual(3);
      },
    );
  });

  it('would fail the dark theme with the halo in the light theme’s ink or half-transparent connectors', () => {
    expect(contrastRatio(INK, dark.bg!)).toBeLessThan(3);
    expect(contrastRatio(blend(SERIES_COLOURS[0]!, 0.5, dark.bg!), dark.bg!)).toBeLessThan(3);
  });
});

// Colour vision deficiency simulation: Machado, Oliveira & Fernandes (2009), severity 1.0, applied
// in linear RGB; distance in CIELAB (D65).
const CVD: Record<'protan' | 'deutan' | 'tritan', number[][]> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linearRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
}

function seen(hex: string, vision: 'normal' | keyof typeof CVD): number[] {
  const c = linearRgb(hex);
  if (vision === 'normal') return c;
  return CVD[vision].map((row) =>
    Math.min(1, Math.max(0, row[0]! * c[0]! + row[1]! * c[1]! + row[2]! * c[2]!)),
  );
}

function lab([r, g, b]: number[]): number[] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047);
  const y = f(0.2126 * r! + 0.7152 * g! + 0.0722 * b!);
  const z = f((0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

function deltaE(a: number[], b: number[]): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);
}
