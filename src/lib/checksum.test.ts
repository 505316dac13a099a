import { afterEach, describe, expect, it, vi } from 'vitest';
import { checksum } from './checksum';

describe('checksum', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('is the SHA-256 of %j', async (text, expected) => {
    expect(await checksum(new TextEncoder().encode(text))).toBe(expected);
  });

  it('is stable and tells different bytes apart', async () => {
    const a = new TextEncoder().encode('indicator,geo\n');
    const b = new TextEncoder().encode('indicator,geo\r\n');
    const first = await checksum(a);
    expect(first).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await checksum(new Uint8Array(a))).toBe(first);
    expect(await checksum(b)).not.toBe(first);
  });

  it('hashes only the bytes of a view, not its whole buffer', async () => {
    const buffer = new TextEncoder().encode('xxabcxx');
    expect(await checksum(buffer.subarray(2, 5))).toBe(
      await checksum(new TextEncoder().encode('abc')),
    );
  });

  it.each([
    ['', 'fnv1a:811c9dc5'],
    ['a', 'fnv1a:e40c292c'],
    ['foobar', 'fnv1a:bf9cf968'],
  ])('falls back to FNV-1a of %j without WebCrypto', async (text, expected) => {
    vi.stubGlobal('crypto', undefined);
    expect(await checksum(new TextEncoder().encode(text))).toBe(expected);
  });
});
