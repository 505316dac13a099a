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

/**
 * Columns a tidy header must have: the required fields, and `source_url`, whose cells may be empty
 * when `source_label` names a source without a web address (DESIGN §3) but which every tidy file
 * has carried since the format began.
 */
export const TIDY_HEADER_COLUMNS = TIDY_COLUMNS.filter(
  (name) =>
    name === 'source_url' || tidySchema.fields.find((f) => f.name === name)?.constraints?.required,
);

const patterns = new Map(
  tidySchema.fields
    .filter((f) => f.constraints?.pattern)
    .map((f) => [f.name, new RegExp(f.constraints!.pattern!)]),
);

/** The pattern a tidy column's cells must match, as the schema declares it. */
export function fieldPattern(name: string): RegExp | undefined {
  return patterns.get(name);
}

export function truncate(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
