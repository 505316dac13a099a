import { caughtFeedError } from '../../test/synthetic';
import { describe, expect, it } from 'vitest';
import { decodeBytes, sniffNonCsv, type TextEncodingName } from './decode';
import { FeedError } from './types';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));
const BOM8 = [0xef, 0xbb, 0xbf];

function utf16(s: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    const pair = [unit & 0xff, unit >> 8];
    out.push(...(littleEndian ? pair : pair.reverse()));
  }
  return out;
}

const caught = caughtFeedError;

describe('decodeBytes', () => {
  const header = 'indicator,geo\n';
  it.each<[string, Uint8Array, string, TextEncodingName, boolean]>([
    ['ASCII', utf8('a,b\n1,2\n'), 'a,b\n1,2\n', 'utf-8', false],
    ['UTF-8 accents', utf8('Région;Données\n'), 'Région;Données\n', 'utf-8', false],
    ['UTF-8 with BOM (BOM removed)', bytes(BOM8, utf8(header)), header, 'utf-8', true],
    ['UTF-8 BOM then accents', bytes(BOM8, utf8('Île-de-France')), 'Île-de-France', 'utf-8', true],
    ['UTF-8 narrow no-break space', utf8('1\u202f234'), '1\u202f234', 'utf-8', false],
    ['UTF-8 emoji (4-byte sequence)', utf8('ok 👍'), 'ok 👍', 'utf-8', false],
    ['a lone BOM', bytes(BOM8), '', 'utf-8', true],
    ['CRLF kept as is', utf8('a\r\nb\r\n'), 'a\r\nb\r\n', 'utf-8', false],
    [
      'UTF-16LE with BOM',
      bytes([0xff, 0xfe], utf16('Région,Côte\r\n', true)),
      'Région,Côte\r\n',
      'utf-16le',
      true,
    ],
    [
      'UTF-16BE with BOM',
      bytes([0xfe, 0xff], utf16('Région,Côte\n', false)),
      'Région,Côte\n',
      'utf-16be',
      true,
    ],
    // Not valid UTF-8: French Windows spreadsheets, Latin-1 range (é = E9, ô = F4, Î = CE, nbsp = A0)
    ['Windows-1252 é', bytes(utf8('R'), [0xe9], utf8('gion')), 'Région', 'windows-1252', false],
    [
      'Windows-1252 accents and no-break space',
      bytes([0xce], utf8('le-de-France;1'), [0xa0], utf8('234;C'), [0xf4], utf8('te')),
      'Île-de-France;1\u00a0234;Côte',
      'windows-1252',
      false,
    ],
    [
      'Windows-1252 guillemets',
      bytes([0xab], utf8('moins'), [0xbb]),
      '«moins»',
      'windows-1252',
      false,
    ],
  ])('%s', (_name, input, text, encoding, bom) => {
    expect(decodeBytes(input, 'f')).toEqual({ text, encoding, bom });
  });

  // Bytes 0x80-0x9F are where Windows-1252 differs from Latin-1: typographic apostrophe, dashes,
  // euro sign, oe ligature, ellipsis. Decoding them as C1 control characters loses them.
  it.each([
    ['80', '€'],
    ['85', '…'],
    ['92', '’'],
    ['93', '“'],
    ['94', '”'],
    ['96', '–'],
    ['97', '—'],
    ['9c', 'œ'],
  ])('Windows-1252 byte 0x%s decodes to %s', (hex, char) => {
    const byte = parseInt(hex, 16);
    const decoded = decodeBytes(bytes(utf8('d'), [byte], utf8(' '), [0xe9]), 'f');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe(`d${char} é`);
  });

  it('rejects an empty file, naming the feed', () => {
    const e = caught(() => decodeBytes(new Uint8Array(0), 'my-feed'));
    expect(e.issues).toEqual([
      { feed: 'my-feed', code: 'file.empty', reason: 'the file is empty' },
    ]);
    expect(e.message).toBe('feed "my-feed": the file is empty');
  });

  it.each([
    [
      'a zip archive (xlsx)',
      bytes(utf8('PK'), [0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x8b, 0xc3, 0x28]),
    ],
    ['a PDF with binary content', bytes(utf8('%PDF-1.7\n'), [0x00, 0xe2, 0xe3, 0xcf, 0xd3])],
    ['an old .xls (OLE2)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00])],
  ])('rejects %s as binary', (_name, input) => {
    const e = caught(() => decodeBytes(input, 'f'));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]!.reason).toMatch(/binary, not text/);
  });

  it('does not turn a BOM file with invalid UTF-8 into empty text', () => {
    // A UTF-8 BOM followed by Windows-1252 bytes (an editor that added a BOM to a Latin file).
    const input = bytes(BOM8, utf8('indicator;R'), [0xe9], utf8('gion\nmes_profiles_open;53\n'));
    let decoded;
    try {
      decoded = decodeBytes(input, 'f');
    } catch (e) {
      // Rejecting the file is acceptable, as long as the reason is about its encoding.
      expect(e).toBeInstanceOf(FeedError);
      expect((e as FeedError).message).toMatch(/UTF-8|encod/i);
      return;
    }
    expect(decoded.text).toContain('indicator;R');
    expect(decoded.text).toContain('mes_profiles_open;53');
  });
});

describe('sniffNonCsv', () => {
  it.each([
    ['<!DOCTYPE html><html><body>404</body></html>', 'file.html'],
    ['<!doctype html>\n<title>Erreur</title>', 'file.html'],
    ['  \n\t<html lang="fr">', 'file.html'],
    ['<HTML><BODY>Service Unavailable</BODY></HTML>', 'file.html'],
    ['<head><title>x</title></head>', 'file.html'],
    ['<body>Forbidden</body>', 'file.html'],
    ['<?xml version="1.0"?><error/>', 'file.html'],
    ['{"message":"Not found"}', 'file.jsonNotCsv'],
    ['[{"indicator":"mes_profiles_open"}]', 'file.jsonNotCsv'],
    ['\n  {"data": []}', 'file.jsonNotCsv'],
    ['', 'file.blank'],
    [' \r\n\t\n', 'file.blank'],
  ])('recognises %j', (text, code) => {
    expect(sniffNonCsv(text)).toBe(code);
  });

  it.each([
    ['indicator,geo\nmes_profiles_open,FR\n'],
    ['Indicateur;Région\n'],
    ['a\tb\n'],
    // HTML or JSON inside a cell is a CSV value, not a page
    ['note\n<html>\n'],
    ['note,json\nx,"{""a"":1}"\n'],
    ['"<html>",b\n'],
  ])('lets CSV through: %j', (text) => {
    expect(sniffNonCsv(text)).toBeNull();
  });
});
