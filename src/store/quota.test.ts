import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quota';

describe('isQuotaError', () => {
  it.each([
    [new DOMException('full', 'QuotaExceededError'), true],
    [{ name: 'AbortError', inner: { name: 'QuotaExceededError' } }, true],
    [{ name: 'DatabaseClosedError', inner: { name: 'AbortError' } }, false],
    [new TypeError('x'), false],
    [undefined, false],
  ])('%o -> %s', (error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});
