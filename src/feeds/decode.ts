/** Bytes -> text, tolerant of what real files carry: BOMs, Windows-1252, UTF-16. */
import { feedIssue } from './issueText';
import { FeedError, type IssueCode } from './types';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

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
