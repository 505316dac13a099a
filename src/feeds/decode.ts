/** Bytes -> text, tolerant of what real files carry: BOMs, Windows-1252, UTF-16. */
import { FeedError } from './types';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

export function decodeBytes(bytes: Uint8Array, feed: string): DecodedText {
  if (bytes.length === 0) throw new FeedError([{ feed, reason: 'the file is empty' }]);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8(bytes.subarray(3), feed) ?? '', encoding: 'utf-8', bom: true };
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
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
    bom: false,
  };
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
export function sniffNonCsv(text: string): string | null {
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start === '') return 'the file holds only blank space';
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^<(head|body|\?xml)/.test(start)
  ) {
    return 'the file is an HTML or XML page, not CSV (the server may have sent an error page)';
  }
  if (start.startsWith('{') || start.startsWith('[')) {
    return 'the file is JSON, not CSV: format not recognised for a CSV feed';
  }
  return null;
}
