import { describe, expect, it } from 'vitest';
import { syntheticExportChart } from '../../test/synthetic';
import {
  chartPicture,
  pictureSources,
  inlineStyles,
  pictureFooter,
  wrapText,
} from './chartPicture';

// Synthetic figures (test/synthetic.ts): made up, never published statistics.
const chart = syntheticExportChart;

describe('picture words', () => {
  it('lists each source once, label and URL', () => {
    // Keyed by URL: a second label for the same URL is not listed again.
    expect(pictureSources(chart, 'fr')).toEqual([
      'synthetic source (https://example.org/synthetic-source)',
      'other synthetic source (https://example.org/other)',
    ]);
  });

  it('wraps at spaces and cuts words longer than a line', () => {
    expect(wrapText('un deux trois quatre', 9)).toEqual(['un deux', 'trois', 'quatre']);
    expect(wrapText('https://example.org/very/long', 10)).toEqual([
      'https://ex',
      'ample.org/',
      'very/long',
    ]);
    expect(wrapText('', 10)).toEqual([]);
  });

  it('never starts a line with the ";" between two sources', () => {
    const line = `Sources : ${['ANS (officiel)', 'Hospitalia, relayant l’ANS (presse)'].join('\u00a0; ')}`;
    for (let width = 12; width < line.length; width++) {
      for (const wrapped of wrapText(line, width)) expect(wrapped).not.toMatch(/^;/);
    }
  });

  it('writes sources, the period covered and when and where the picture was made', () => {
    const lines = pictureFooter(chart, 'fr', new Date('2024-03-09T10:00:00Z'), 'https://x.test/#/');
    expect(lines.shift()).toBe('Formes : ● exact · ▲ plus de');
    expect(lines[0]).toMatch(
      /^Sources : synthetic source \(https:\/\/example\.org\/synthetic-source\)\u00a0; other/,
    );
    expect(lines[1]).toBe('Données de janv. 2022 à mai 2023, chacune à sa date de publication.');
    expect(lines[2]).toContain('9 mars 2024');
    expect(lines[2]).toContain('https://x.test/#/');
  });

  it('leaves the shapes out for a picture that draws none (a map, a ranking)', () => {
    const now = new Date('2024-03-09T10:00:00Z');
    const lines = pictureFooter(chart, 'fr', now, 'https://x.test/#/', { drawsShapes: false });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Sources : /);
  });
});

describe('chartPicture (DOM)', () => {
  function figure(): HTMLElement {
    const el = document.createElement('figure');
    el.innerHTML = `
      <div class="plot">
        <svg class="drawing" viewBox="0 0 400 200" role="img" aria-label="x">
          <line x1="0" x2="10" y1="0" y2="0" style="stroke: rgb(1, 2, 3)"></line>
        </svg>
        <svg class="points" viewBox="0 0 400 200">
          <g class="point" tabindex="0" role="button" aria-label="p">
            <circle class="hit" r="12"></circle>
            <circle class="ring" r="10" style="visibility: hidden"></circle>
            <circle class="mark" r="5" style="fill: rgb(0, 114, 178)"></circle>
          </g>
        </svg>
      </div>
      <div class="legend"><ul><li data-series="a"><svg><rect style="fill: rgb(0, 114, 178)"></rect></svg></li></ul></div>`;
    document.body.append(el);
    return el;
  }

  it('inlines computed styles and drops what only the page needs', () => {
    const el = figure();
    const source = el.querySelector('.points')!;
    const clone = source.cloneNode(true) as Element;
    inlineStyles(source, clone);
    const point = clone.querySelector('.point')!;
    expect(point.hasAttribute('tabindex')).toBe(false);
    expect(point.hasAttribute('role')).toBe(false);
    expect(point.hasAttribute('aria-label')).toBe(false);
    expect(clone.querySelector('.hit')).toBeNull();
    expect(clone.querySelector('.ring')).toBeNull();
    expect(clone.querySelector('.mark')!.getAttribute('style')).toContain('fill');
    el.remove();
  });

  it('stacks the layers under the title, with the legend and the footer lines', () => {
    const el = figure();
    const picture = chartPicture(el, chart, ['Sources : synthetic source', 'Image du 9 mars 2024']);
    expect(picture.width).toBe(400);
    expect(picture.height).toBeGreaterThan(200);
    expect(picture.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(picture.svg).toContain('Synthetic chart');
    expect(picture.svg).toContain('Sources : synthetic source');
    expect(picture.svg).toContain('Image du 9 mars 2024');
    expect(picture.svg).toContain('Série A; avec point-virgule');
    expect(picture.svg).toContain('class="mark"');
    expect(picture.svg).not.toContain('tabindex');
    el.remove();
  });
});
