/**
 * Spreadsheet files (.xlsx, .xlsm, .xlsb, .xls, .ods) read into rows of text cells, for the import
 * pipeline to treat like a CSV table. The reading library (SheetJS, `@e965/xlsx`) is loaded only
 * when a workbook is opened: it adds about 350 KB (116 KB compressed), and most visits never open
 * one.
 *
 * Cell text, as a user expects it back:
 * - text as typed (`01`, `2A`, `971` keep their zeros);
 * - a number as plain machine text (`12345.5`: no thousands separator, no locale), at most 15
 *   significant digits as Excel shows them, so binary float noise (`0.30000000000000004`) is gone;
 * - a number formatted with zero padding (`00`, `00000`) as displayed (`05`, `01001`): codes typed
 *   as numbers;
 * - a percentage (`0.0%` format, stored 0.372) in percent with its sign (`37.2%`), which the
 *   pipeline's number parser stores as 37.2; the stored value, not the rounding of the display;
 * - a date (a number with a date format) as ISO text with the precision the format shows:
 *   `2025-01-15`, `2025-01` (month and year formats), `2025` (year only), `2025-01-15T08:30:00`
 *   (date and time), `08:30:00` (time only); 1900 and 1904 date systems;
 * - a formula: its cached result (formulas are never evaluated); an error: its text (`#N/A`);
 * - a boolean: `TRUE` / `FALSE`.
 */
import { formatNumber, type Lang } from '../lib/format';
import { FeedError, type FeedIssue, type SpreadsheetErrorCode } from './types';

export interface SheetTable {
  name: string;
  /** Every row of the sheet as text cells, row i is the sheet's row i+1 (keep empty rows as [] so numbering is true). */
  rows: string[][];
  /** Hidden in the workbook (the file still holds it; a picker may list it last). */
  hidden?: boolean;
}

export interface Workbook {
  sheets: SheetTable[];
}

// Declared with the other issue codes (types.ts), which need it without importing this module.
export type { SpreadsheetErrorCode } from './types';

export type SpreadsheetErrorParams = Record<string, string | number>;

/**
 * A FeedIssue that also carries a code and its parameters, for display in French or English.
 * Its codes are not (yet) the pipeline's IssueCode: it is a FeedIssue once its code is set aside.
 */
export interface SpreadsheetIssue extends Omit<FeedIssue, 'code'> {
  code: SpreadsheetErrorCode;
  params: SpreadsheetErrorParams;
}

/** Files larger than this are refused before reading. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** The zip's parts, as they say they unpack, beyond this are refused (a "zip bomb" unpacks to gigabytes). */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;
/** Non-empty cells of the whole workbook beyond this are refused. */
export const MAX_CELLS = 5_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  size: number;
  encrypted: boolean;
  /** Where the entry's local header starts. */
  offset: number;
}

/**
 * The entries a zip's central directory lists, or null when there is none to read (a truncated
 * or damaged archive). Only the directory is read: nothing is unpacked.
 */
function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, after which a comment of up to 65535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > bytes.length) return null;
    let name = '';
    for (let i = 0; i < nameLength; i++) name += String.fromCharCode(bytes[at + 46 + i]!);
    entries.push({
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      encrypted: (flags & 1) !== 0,
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** An entry's text when it is stored uncompressed (as ODF wants its `mimetype`), else null. */
function storedText(bytes: Uint8Array, entry: ZipEntry): string | null {
  const at = entry.offset;
  if (entry.method !== 0 || at + 30 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(at, true) !== 0x04034b50) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const body = bytes.subarray(start, start + Math.min(entry.size, 200));
  return String.fromCharCode(...body);
}

function isWorkbookZip(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const byName = new Map(entries.map((e) => [e.name, e]));
  if (byName.has('xl/workbook.xml') || byName.has('xl/workbook.bin')) return true;
  // OpenDocument: `content.xml`, and a `mimetype` that says spreadsheet when it can be read
  // without unpacking (ODF stores it uncompressed; some writers compress it anyway).
  const mimetype = byName.get('mimetype');
  if (!byName.has('content.xml') || !mimetype) return false;
  const type = storedText(bytes, mimetype);
  return type === null || type.trim() === ODS_MIMETYPE;
}

/**
 * Whether these bytes are a workbook, by content: a zip holding an Excel or OpenDocument workbook,
 * or an OLE container (.xls, and password-protected .xlsx files, which are OLE). A zip too damaged
 * to list its parts counts when its name says it is a spreadsheet, so that reading it gives a clear
 * error rather than the CSV reader's.
 */
export function isSpreadsheet(bytes: Uint8Array, fileName: string): boolean {
  if (startsWith(bytes, OLE_MAGIC)) return true;
  if (!startsWith(bytes, ZIP_MAGIC)) return false;
  const entries = zipEntries(bytes);
  if (!entries) return SPREADSHEET_NAME.test(fileName);
  return isWorkbookZip(bytes, entries);
}

function fail(
  feed: string,
  code: SpreadsheetErrorCode,
  params: SpreadsheetErrorParams,
  cause?: unknown,
): never {
  const issue: SpreadsheetIssue = {
    feed,
    reason: spreadsheetErrorText(code, params, 'en'),
    code,
    params,
  };
  const error = new FeedError([issue as unknown as FeedIssue]);
  if (cause !== undefined) (error as Error).cause = cause;
  throw error;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  return !sample.includes(0);
}

/**
 * The library, fetched on first use. Destructured right at the import, so that the bundler keeps
 * only what these two reach (measured: 352 KB, 116 KB gzip, against 492 KB and 157 KB for the
 * whole namespace).
 */
async function loadLibrary() {
  const { read, SSF } = await import('@e965/xlsx');
  return { read, SSF };
}

/** The library's exceptions that mean "a password protects this file" (OLE containers). */
const ENCRYPTED_MESSAGE = /password|encrypt/i;

/**
 * Reads a workbook's every sheet as rows of text cells (see the module comment for how each kind
 * of cell reads). Throws FeedError (its issue a SpreadsheetIssue) for a file that is not a
 * workbook, a damaged or password-protected one, or one too large to read here. `options.feed`
 * names the feed in the issue (the file name stands for it by default); `options.maxCells` lowers
 * the cell limit (tests).
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: { feed?: string; maxCells?: number } = {},
): Promise<Workbook> {
  const file = fileName;
  const feed = options.feed ?? fileName;
  const maxCells = Math.min(options.maxCells ?? MAX_CELLS, MAX_CELLS);
  if (bytes.length === 0) fail(feed, 'sheet.unreadable', { file, detail: 'empty' });
  if (bytes.length > MAX_FILE_BYTES) {
    fail(feed, 'sheet.tooLarge', {
      file,
      what: 'bytes',
      size: bytes.length,
      limit: MAX_FILE_BYTES,
    });
  }
  const zip = startsWith(bytes, ZIP_MAGIC);
  if (!zip && !startsWith(bytes, OLE_MAGIC)) {
    fail(feed, 'sheet.notWorkbook', { file, content: looksLikeText(bytes) ? 'text' : 'binary' });
  }
  if (zip) {
    const entries = zipEntries(bytes);
    if (!entries) fail(feed, 'sheet.unreadable', { file, detail: 'truncated' });
    if (entries.some((e) => e.encrypted)) fail(feed, 'sheet.encrypted', { file });
    if (!isWorkbookZip(bytes, entries)) fail(feed, 'sheet.notWorkbook', { file, content: 'zip' });
    const unzipped = entries.reduce((sum, e) => sum + e.size, 0);
    // 0xffffffff: a ZIP64 size (over 4 GB), whatever the rest says.
    if (unzipped > MAX_UNZIPPED_BYTES || entries.some((e) => e.size === 0xffffffff)) {
      fail(feed, 'sheet.tooLarge', {
        file,
        what: 'unzipped',
        size: unzipped,
        limit: MAX_UNZIPPED_BYTES,
      });
    }
  }

  let library: Awaited<ReturnType<typeof loadLibrary>>;
  try {
    library = await loadLibrary();
  } catch (e) {
    // Offline before the chunk was ever fetched, or a new version deployed meanwhile.
    fail(feed, 'sheet.readerUnavailable', { file }, e);
  }
  const { read, SSF } = library;
  let book: import('@e965/xlsx').WorkBook;
  try {
    book = read(bytes, {
      type: 'array',
      dense: true,
      // Number formats (`z`) decide how a number reads; the library's own formatted text and
      // everything else are not needed: no formulas (never evaluated anyway), styles, HTML, macros.
      cellNF: true,
      cellText: false,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      WTF: false,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // A zip's encryption shows in its directory (above); here the library's "Unsupported ZIP
    // encryption" means damaged headers. An OLE container is how Excel wraps a password.
    if (!zip && ENCRYPTED_MESSAGE.test(detail)) fail(feed, 'sheet.encrypted', { file }, e);
    fail(feed, 'sheet.unreadable', { file, detail }, e);
  }

  const names = book.SheetNames ?? [];
  if (!names.length) fail(feed, 'sheet.noSheets', { file });
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const parseDateCode = SSF.parse_date_code as ParseDateCode;
  const hidden = book.Workbook?.Sheets ?? [];
  let cells = 0;
  const sheets = names.map((name, index): SheetTable => {
    const data = (book.Sheets[name]?.['!data'] ?? []) as (
      (import('@e965/xlsx').CellObject | undefined)[] | undefined
    )[];
    const rows: string[][] = [];
    let lastRow = -1;
    for (let r = 0; r < data.length; r++) {
      const source = data[r];
      const row: string[] = [];
      if (source) {
        let last = -1;
        for (let c = 0; c < source.length; c++) {
          const cell = source[c];
          const text = cell ? cellText(cell, date1904, parseDateCode) : '';
          row.push(text);
          if (text !== '') {
            last = c;
            cells++;
          }
        }
        row.length = last + 1;
      }
      if (cells > maxCells) {
        fail(feed, 'sheet.tooLarge', { file, what: 'cells', limit: maxCells });
      }
      rows.push(row);
      if (row.length) lastRow = r;
    }
    rows.length = lastRow + 1;
    const sheet: SheetTable = { name, rows };
    if (hidden[index]?.Hidden) sheet.hidden = true;
    return sheet;
  });
  return { sheets };
}

interface DateCode {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
}
type ParseDateCode = (serial: number, options: { date1904: boolean }) => DateCode | null;

/** The text of one cell, as the module comment describes. */
function cellText(
  cell: import('@e965/xlsx').CellObject,
  date1904: boolean,
  parseDateCode: ParseDateCode,
): string {
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'n':
      return numberCellText(cell.v as number, cell.z, (serial) =>
        parseDateCode(serial, { date1904 }),
      );
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? ERROR_TEXT[cell.v as number] ?? '#ERROR!';
    case 'd': {
      const date = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      return Number.isNaN(date.getTime()) ? String(cell.v) : date.toISOString().slice(0, 10);
    }
    default:
      return '';
  }
}

/** Excel's error codes (BIFF and OOXML alike). */
const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** How a number format shows a number, as far as its text here depends on it. */
export type NumberFormatKind =
  | { kind: 'plain' }
  | { kind: 'percent' }
  | { kind: 'padded'; digits: number }
  | { kind: 'date'; precision: 'year' | 'month' | 'day' | 'datetime' | 'time' };

/**
 * Classifies a number format code (ECMA-376 §18.8.31) by its first section, with quoted text,
 * escaped characters and bracketed parts (colours, conditions, locales) removed.
 */
export function numberFormatKind(format: string | number | undefined): NumberFormatKind {
  if (typeof format !== 'string' || /^general$/i.test(format.trim())) return { kind: 'plain' };
  const code = firstSection(format)
    .replace(/"[^"]*"?/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (code.includes('%')) return { kind: 'percent' };
  const hasTime = /[hs]/.test(code);
  const hasDay = code.includes('d');
  const hasYear = code.includes('y');
  const hasMonth = !hasTime && code.includes('m');
  if (hasTime) {
    return {
      kind: 'date',
      precision: hasDay || hasYear || /m{3,}/.test(code) ? 'datetime' : 'time',
    };
  }
  if (hasDay) return { kind: 'date', precision: 'day' };
  if (hasMonth) return { kind: 'date', precision: 'month' };
  if (hasYear) return { kind: 'date', precision: 'year' };
  const padded = /^0{2,}$/.exec(code.trim());
  if (padded) return { kind: 'padded', digits: padded[0].length };
  return { kind: 'plain' };
}

/** A workbook uses a handful of formats over many cells: each is classified once. */
const FORMAT_KINDS = new Map<string | number | undefined, NumberFormatKind>();

function formatKindOf(format: string | number | undefined): NumberFormatKind {
  let kind = FORMAT_KINDS.get(format);
  if (!kind) {
    kind = numberFormatKind(format);
    if (FORMAT_KINDS.size < 1000) FORMAT_KINDS.set(format, kind);
  }
  return kind;
}

function firstSection(format: string): string {
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\') i++;
    else if (c === ';' && !quoted) return format.slice(0, i);
  }
  return format;
}

/** A number as plain machine text, at most 15 significant digits (what Excel shows). */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(15)));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A number cell's text given its format; `dateCode` turns a serial date into its parts. */
export function numberCellText(
  value: number,
  format: string | number | undefined,
  dateCode: (serial: number) => DateCode | null,
): string {
  const kind = formatKindOf(format);
  switch (kind.kind) {
    case 'percent':
      return `${plainNumber(value * 100)}%`;
    case 'padded':
      return Number.isInteger(value) && value >= 0
        ? String(value).padStart(kind.digits, '0')
        : plainNumber(value);
    case 'date': {
      const d = dateCode(value);
      // Out of the date range (negative, past 9999): the number as it is.
      if (!d || d.y < 1900 || d.m < 1 || d.d < 1) return plainNumber(value);
      const day = `${d.y}-${pad2(d.m)}-${pad2(d.d)}`;
      const time = `${pad2(d.H)}:${pad2(d.M)}:${pad2(d.S)}`;
      switch (kind.precision) {
        case 'year':
          return String(d.y);
        case 'month':
          return day.slice(0, 7);
        case 'day':
          return day;
        case 'datetime':
          return `${day}T${time}`;
        case 'time':
          return time;
      }
      break;
    }
    case 'plain':
      return plainNumber(value);
  }
  return plainNumber(value);
}

// --- Where the table is ------------------------------------------------------------------------

/** A number, a percentage, a date or an error: what a data cell holds and a header does not. */
const VALUE_LIKE = [
  /^[-+\u2212]?[\d\s\u00a0\u202f.,']*\d[\d\s\u00a0\u202f.,']*(e[-+]?\d+)?\s*%?$/i,
  /^\d{4}-\d{2}(-\d{2}([T ][\d:.]+Z?)?)?$/,
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/,
  /^\d{1,2}\/\d{4}$/,
  /^#[A-Z/0]+[!?]?$/,
];

function isValueLike(cell: string): boolean {
  const s = cell.trim();
  return VALUE_LIKE.some((re) => re.test(s));
}

interface RowShape {
  filled: number;
  text: number;
}

function shape(row: string[] | undefined): RowShape {
  let filled = 0;
  let text = 0;
  for (const cell of row ?? []) {
    if (cell.trim() === '') continue;
    filled++;
    if (!isValueLike(cell)) text++;
  }
  return { filled, text };
}

/** Only the top of a sheet is looked at: titles and notes take a few rows, not hundreds. */
const HEADER_SEARCH_ROWS = 200;

/**
 * 0-based index of the header row: the first row as wide as the table (at least 60 % of its usual
 * count of filled cells, and at least 2) whose cells are mostly text and which is followed by a
 * row with fewer text cells (data). Title rows, notes and blank rows above it are skipped. Failing
 * that (a table of text only, or years as column names), the first row that wide whose cells are
 * mostly text, then the first row that wide, then the first non-empty row.
 */
export function detectHeaderRow(rows: string[][]): number {
  const top = rows.slice(0, HEADER_SEARCH_ROWS).map(shape);
  const firstFilled = top.findIndex((s) => s.filled > 0);
  if (firstFilled < 0) return 0;
  // The table's usual width: the most frequent count of filled cells (the wider one on a tie).
  const counts = new Map<number, number>();
  for (const s of top) if (s.filled >= 2) counts.set(s.filled, (counts.get(s.filled) ?? 0) + 1);
  if (!counts.size) return firstFilled;
  let width = 0;
  let best = 0;
  for (const [filled, n] of counts) {
    if (n > best || (n === best && filled > width)) [width, best] = [filled, n];
  }
  const wide = (s: RowShape) => s.filled >= Math.max(2, Math.ceil(width * 0.6));
  const texty = (s: RowShape) => s.text * 2 >= s.filled;
  const next = (i: number) => {
    for (let j = i + 1; j < top.length; j++) if (top[j]!.filled > 0) return top[j];
    return undefined;
  };
  const header = top.findIndex((s, i) => {
    const after = next(i);
    return wide(s) && texty(s) && after !== undefined && wide(after) && after.text < s.text;
  });
  if (header >= 0) return header;
  const textRow = top.findIndex((s) => wide(s) && texty(s));
  if (textRow >= 0) return textRow;
  const wideRow = top.findIndex(wide);
  return wideRow >= 0 ? wideRow : firstFilled;
}

/**
 * The table under a header row, shaped like the CSV reader's: header cells trimmed, data rows with
 * their 1-based sheet row number (`line`), blank rows left out (as the CSV reader does), every row
 * as wide as the table. Columns empty in the header and in every data row are dropped at either
 * end (a table that starts in column B has no empty first column).
 */
export function sheetTable(
  sheet: SheetTable,
  headerRow: number,
): { header: string[]; rows: { line: number; cells: string[] }[] } {
  const headerCells = sheet.rows[headerRow] ?? [];
  const body: { line: number; cells: string[] }[] = [];
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    if (cells.some((c) => c.trim() !== '')) body.push({ line: r + 1, cells });
  }
  let first = Infinity;
  let end = 0;
  for (const cells of [headerCells, ...body.map((b) => b.cells)]) {
    for (let c = 0; c < cells.length; c++) {
      if (cells[c]!.trim() === '') continue;
      first = Math.min(first, c);
      end = Math.max(end, c + 1);
    }
  }
  if (end === 0) return { header: [], rows: [] };
  const span = (cells: string[]) => {
    const out = cells.slice(first, end);
    while (out.length < end - first) out.push('');
    return out;
  };
  return {
    header: span(headerCells).map((h) => h.trim()),
    rows: body.map(({ line, cells }) => ({ line, cells: span(cells) })),
  };
}

// --- Messages ----------------------------------------------------------------------------------

const MESSAGES: Record<Lang, Record<SpreadsheetErrorCode, string>> = {
  fr: {
    'sheet.notWorkbook':
      '« {file} » n’est pas un classeur Excel ou OpenDocument lisible ici : {content}',
    'sheet.unreadable': '« {file} » ne peut pas être lu comme un classeur : {detail}',
    'sheet.encrypted':
      '« {file} » est protégé par un mot de passe : ouvrez-le dans votre tableur, enregistrez-le sans mot de passe (ou exportez-le en CSV), puis importez-le à nouveau',
    'sheet.tooLarge': '« {file} » est trop volumineux pour être lu ici : {size}',
    'sheet.noSheets': '« {file} » ne contient aucune feuille',
    'sheet.readerUnavailable':
      'le lecteur de classeurs n’a pas pu être chargé pour lire « {file} » (hors connexion ?) : réessayez une fois connecté, ou enregistrez le fichier en CSV',
  },
  en: {
    'sheet.notWorkbook':
      '"{file}" is not an Excel or OpenDocument workbook readable here: {content}',
    'sheet.unreadable': '"{file}" cannot be read as a workbook: {detail}',
    'sheet.encrypted':
      '"{file}" is password-protected: open it in your spreadsheet application, save it without a password (or export it as CSV), then import it again',
    'sheet.tooLarge': '"{file}" is too large to be read here: {size}',
    'sheet.noSheets': '"{file}" holds no sheet',
    'sheet.readerUnavailable':
      'the workbook reader could not be loaded to read "{file}" (offline?): try again once online, or save the file as CSV',
  },
};

/** `content` of sheet.notWorkbook: what the file is instead. */
const CONTENT: Record<Lang, Record<string, string>> = {
  fr: {
    text: 'c’est un fichier texte (un CSV renommé ?) ; importez-le sous son extension .csv',
    binary: 'ce n’est ni une archive .xlsx ou .ods ni un fichier Excel 97-2003 (.xls)',
    zip: 'c’est une archive zip qui ne contient pas de classeur (un document texte ?)',
  },
  en: {
    text: 'it is a text file (a renamed CSV?); import it under its .csv extension',
    binary: 'it is neither an .xlsx or .ods archive nor an Excel 97-2003 file (.xls)',
    zip: 'it is a zip archive without a workbook in it (a text document?)',
  },
};

/** `detail` of sheet.unreadable, when it is one of ours; the library's own stay in English. */
const DETAIL: Record<Lang, Record<string, string>> = {
  fr: {
    empty: 'le fichier est vide',
    truncated: 'l’archive est incomplète (fichier tronqué ou téléchargement interrompu)',
  },
  en: {
    empty: 'the file is empty',
    truncated: 'the archive is incomplete (a truncated file or an interrupted download)',
  },
};

const MEGABYTE = 1024 * 1024;

function sizeText(params: SpreadsheetErrorParams, lang: Lang): string {
  const n = (key: string) => Number(params[key]);
  const mb = (key: string) => formatNumber(Math.round((n(key) / MEGABYTE) * 10) / 10, lang);
  const fr = lang === 'fr';
  switch (params.what) {
    case 'cells':
      return fr
        ? `plus de ${formatNumber(n('limit'), lang)} cellules remplies`
        : `more than ${formatNumber(n('limit'), lang)} filled cells`;
    case 'unzipped':
      return fr
        ? `${mb('size')} Mo une fois décompressé (limite : ${mb('limit')} Mo)`
        : `${mb('size')} MB unzipped (limit: ${mb('limit')} MB)`;
    default:
      return fr
        ? `${mb('size')} Mo (limite : ${mb('limit')} Mo)`
        : `${mb('size')} MB (limit: ${mb('limit')} MB)`;
  }
}

/**
 * The sentence for one of this module's error codes, in French (the reference) or English.
 * `params` are the SpreadsheetIssue's: `file` always; `content` (`text`, `binary`, `zip`) for
 * sheet.notWorkbook; `detail` for sheet.unreadable; `what` (`bytes`, `unzipped`, `cells`),
 * `size` and `limit` for sheet.tooLarge.
 */
export function spreadsheetErrorText(
  code: SpreadsheetErrorCode,
  params: SpreadsheetErrorParams,
  lang: Lang,
): string {
  const values: Record<string, string> = { file: String(params.file ?? '') };
  if (params.content !== undefined) {
    values.content = CONTENT[lang][params.content] ?? String(params.content);
  }
  if (params.detail !== undefined) {
    values.detail = DETAIL[lang][params.detail] ?? String(params.detail);
  }
  if (code === 'sheet.tooLarge') values.size = sizeText(params, lang);
  return MESSAGES[lang][code].replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
