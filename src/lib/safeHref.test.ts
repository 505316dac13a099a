import { describe, expect, it } from 'vitest';
import { safeHref } from './safeHref';

describe('safeHref', () => {
  it.each<[string | undefined, string | undefined]>([
    ['https://www.data.gouv.fr/fr/datasets/r/abc', 'https://www.data.gouv.fr/fr/datasets/r/abc'],
    ['http://example.org/a', 'http://example.org/a'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['/relative/path', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j -> %j', (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});
