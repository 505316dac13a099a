/** Bytes -> text, tolerant of what real files carry: BOMs, Windows-1252, UTF-16. */
import { feedIssue } from './issueText';
import { FeedError, type IssueCode, type TextEncodingName } from './types';

// Declared with the feeds' reports (types.ts), which need it without importing this module.
export type { TextEncodingName } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

export function decodeBytes(bytes: Uint8Array, feed: string): DecodedText {
  if (bytes.length === 0) throw new FeedError([feedIssue(feed, 'file.empty')]);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeUtf8(bytes.subarray(3), feed);
    if (text !== null) return { text, encoding: 'utf-8', bom: true };
    // A BOM followed by bytes that are not UTF-8: the file was re-encoded after the BOM was written.
    return { text: decodeWindows1252(bytes.subarray(3)), encoding: 'windows-1252', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      bom: true,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      bom: true,
    };
  }
  const utf8 = decodeUtf8(bytes, feed);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  // Not valid UTF-8: French spreadsheets exported on Windows are Windows-1252.
  return {
    text: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    bom: false,
  };
}

/** Bytes decoded at a time by decodeInChunks: big feeds never exist as one string. */
export const DECODE_CHUNK_BYTES = 1 << 20;

/** Thrown by the UTF-8 chunks of decodeInChunks when the bytes are not UTF-8. */
class NotUtf8 extends Error {}

/**
 * Decodes `bytes` piece by piece and hands the pieces to `consume`, with the same result as
 * decodeBytes (BOMs, UTF-16, Windows-1252 when the bytes are not UTF-8) but without ever holding
 * the whole text. UTF-8 is tried first; when bytes past what `consume` has read turn out not to be
 * UTF-8, `consume` runs again over the Windows-1252 text, so it must keep no state between calls.
 * A FeedError `consume` throws is kept only once the rest of the bytes are known to be UTF-8.
 */
export function decodeInChunks<T>(
  bytes: Uint8Array,
  feed: string,
  consume: (chunks: Iterable<string>, encoding: TextEncodingName) => T,
  chunkBytes = DECODE_CHUNK_BYTES,
): { result: T; encoding: TextEncodingName; bom: boolean } {
  if (bytes.length === 0) throw new FeedError([feedIssue(feed, 'file.empty')]);
  for (const [mark, encoding] of [
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ] as const) {
    if (bytes[0] === mark[0] && bytes[1] === mark[1]) {
      const chunks = streamChunks(new TextDecoder(encoding), bytes.subarray(2), chunkBytes);
      return { result: consume(chunks, encoding), encoding, bom: true };
    }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Where the UTF-8 chunks stopped, so that the rest can be checked when consume fails early.
  const read = { upTo: 0 };
  try {
    const result = consume(utf8Chunks(decoder, body, chunkBytes, read), 'utf-8');
    return { result, encoding: 'utf-8', bom };
  } catch (error) {
    if (!(error instanceof NotUtf8)) {
      if (!(error instanceof FeedError) || restIsUtf8(decoder, body, read.upTo, chunkBytes))
        throw error;
    }
  }
  if (body.includes(0)) {
    throw new FeedError([
      { feed, reason: 'the file is binary, not text (a spreadsheet or an archive?)' },
    ]);
  }
  // Not UTF-8 (after a BOM too: the file was re-encoded after the BOM was written).
  return {
    result: consume(windows1252Chunks(body, chunkBytes), 'windows-1252'),
    encoding: 'windows-1252',
    bom,
  };
}

function* streamChunks(
  decoder: TextDecoder,
  bytes: Uint8Array,
  chunkBytes: number,
): Generator<string> {
  for (let at = 0; at < bytes.length; at += chunkBytes)
    yield decoder.decode(bytes.subarray(at, at + chunkBytes), { stream: true });
  yield decoder.decode();
}

function* utf8Chunks(
  decoder: TextDecoder,
  bytes: Uint8Array,
  chunkBytes: number,
  read: { upTo: number },
): Generator<string> {
  try {
    for (let at = 0; at < bytes.length; at += chunkBytes) {
      read.upTo = Math.min(bytes.length, at + chunkBytes);
      yield decoder.decode(bytes.subarray(at, read.upTo), { stream: true });
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) throw new NotUtf8();
    throw error;
  }
}

function restIsUtf8(
  decoder: TextDecoder,
  bytes: Uint8Array,
  from: number,
  chunkBytes: number,
): boolean {
  try {
    for (let at = from; at < bytes.length; at += chunkBytes)
      decoder.decode(bytes.subarray(at, at + chunkBytes), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function* windows1252Chunks(bytes: Uint8Array, chunkBytes: number): Generator<string> {
  for (let at = 0; at < bytes.length; at += chunkBytes)
    yield decodeWindows1252(bytes.subarray(at, at + chunkBytes));
}

function decodeUtf8(bytes: Uint8Array, feed: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (bytes.includes(0)) {
      throw new FeedError([
        { feed, reason: 'the file is binary, not text (a spreadsheet or an archive?)' },
      ]);
    }
    return null;
  }
}

/**
 * Recognises text that is plainly not a CSV table, so the user gets a useful message rather
 * than a column error: an HTML page (often a server's error page), JSON.
 */
export function sniffNonCsv(text: string): IssueCode | null {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start === '') return 'file.blank';
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^<(head|body|\?xml)/.test(start)
  ) {
    return 'file.html';
  }
  if (start.startsWith('{') || start.startsWith('[')) return 'file.jsonNotCsv';
  return null;
}

/**
 * Windows-1252 by table: Node's TextDecoder('windows-1252') decodes it as Latin-1
 * (nodejs/node#56542), which garbles 0x80-0x9F (’ € œ …), and scripts/ run this code under Node.
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = String.fromCharCode(...bytes.subarray(i, i + 8192));
    out += chunk.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}
