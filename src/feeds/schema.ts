/** The tidy format's Table Schema (data/schema.json), read once and applied field by field. */
import schemaData from '../../data/schema.json';

export interface SchemaField {
  name: string;
  type: 'string' | 'number';
  constraints?: { required?: boolean; pattern?: string; enum?: string[] };
}

export const tidySchema = schemaData as { fields: SchemaField[]; primaryKey: string[] };

/** Column names of the tidy CSV, in order. */
export const TIDY_COLUMNS = tidySchema.fields.map((f) => f.name);
export type TidyColumn = (typeof TIDY_COLUMNS)[number];

/** A row as text, keyed by tidy column name; absent optional columns are ''. */
export type RawRecord = Record<string, string>;

const patterns = new Map(
  tidySchema.fields
    .filter((f) => f.constraints?.pattern)
    .map((f) => [f.name, new RegExp(f.constraints!.pattern!)]),
);

/** Checks one cell against its field's declared constraints; returns the reason it fails. */
export function checkField(field: SchemaField, raw: string): string | null {
  const c = field.constraints ?? {};
  if (raw === '') return c.required ? 'is required but empty' : null;
  if (field.type === 'number') return null; // numbers are parsed, with their own messages
  if (c.enum && !c.enum.includes(raw))
    return `"${raw}" is not one of ${c.enum.map((e) => `"${e}"`).join(', ')}`;
  const pattern = patterns.get(field.name);
  if (pattern && !pattern.test(raw)) return `"${truncate(raw)}" does not match the expected form`;
  return null;
}

export function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
