/** The fingerprint of a feed's raw bytes: tells a changed file from the one stored. */
/** SHA-256 of the raw bytes, hex; a non-cryptographic FNV-1a where WebCrypto is unavailable (plain http). */
export async function checksum(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return (
      'sha256:' + [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
    );
  }
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return 'fnv1a:' + h.toString(16).padStart(8, '0');
}
