import { describe, expect, it } from 'vitest';
import { parseTargetInput } from './targetInput';

describe('parseTargetInput', () => {
  it.each([
    ['50 %', { kind: 'rate', value: 50 }],
    ['33,6%', { kind: 'rate', value: 33.6 }],
    ['12 000 000', { kind: 'count', value: 12_000_000 }],
    ['12\u202f000\u202f000', { kind: 'count', value: 12_000_000 }],
    ['12.000.000', { kind: 'count', value: 12_000_000 }],
    ['1,5 M', { kind: 'count', value: 1_500_000 }],
    ['40 millions', { kind: 'count', value: 40_000_000 }],
    ['250', { kind: 'count', value: 250 }],
  ])('%j is %j', (text, expected) => {
    expect(parseTargetInput(text)).toEqual(expected);
  });

  it('does not take a bare number a rate could mean as a count of profiles', () => {
    expect(parseTargetInput('50')).toEqual({ kind: 'ambiguous', value: 50 });
    expect(parseTargetInput('100')).toEqual({ kind: 'ambiguous', value: 100 });
  });

  it('refuses what is neither', () => {
    for (const text of ['abc', '150 %', '0', '-5', '12,5', '1e6', '50 % %']) {
      expect(parseTargetInput(text), text).toEqual({ kind: 'invalid' });
    }
    expect(parseTargetInput('  ')).toEqual({ kind: 'empty' });
  });
});
