import { describe, expect, it } from 'vitest';
import { embedSnippet, heightMessage, isHeightMessage } from './embedContract';

describe('height messages', () => {
  it('are versioned, typed, name the chart and carry a whole height', () => {
    expect(heightMessage('region-map', 641.2)).toEqual({
      type: 'segur-pulse:height',
      version: 1,
      chart: 'region-map',
      height: 642,
    });
    expect(heightMessage(undefined, 300).chart).toBeNull();
  });

  it('are told from anything else', () => {
    expect(isHeightMessage(heightMessage('x', 1))).toBe(true);
    expect(isHeightMessage({ 'datawrapper-height': { x: 1 } })).toBe(false);
    expect(isHeightMessage({ ...heightMessage('x', 1), version: 2 })).toBe(false);
    expect(isHeightMessage({ ...heightMessage('x', 1), height: 'tall' })).toBe(false);
    expect(isHeightMessage(null)).toBe(false);
  });
});

describe('embedSnippet', () => {
  const src =
    'https://example.org/tableau/?embed=1#/activation?v=1&geo=DEP-40&chart=activation-target';
  const code = embedSnippet({
    src,
    title: 'Suivi « Landes » <b>',
    chart: 'activation-target',
    height: 400.4,
  });

  it('is an iframe of the embed, escaped, full width, at its first height', () => {
    const iframe = /^<iframe [^>]*><\/iframe>/.exec(code)?.[0] ?? '';
    expect(iframe).toContain(`src="${src.replace(/&/g, '&amp;')}"`);
    expect(iframe).toContain('title="Suivi « Landes » &lt;b&gt;"');
    expect(iframe).toContain('height="401"');
    expect(iframe).toContain('width="100%"');
    expect(iframe).toContain('data-segur-pulse-chart="activation-target"');
  });

  it('has a script that takes heights from this app’s origin only, for the iframe that sent them', () => {
    expect(code).toContain('e.origin!=="https://example.org"');
    expect(code).toContain('f.contentWindow===e.source');
    expect(code).toContain('d.type!=="segur-pulse:height"||d.version!==1');
  });
});
