/**
 * What a reader typed as a target: a count of activated profiles ("12 000 000", "12 M") or an
 * activation rate ("50 %"). A bare number that could be either (50) is not guessed: the page
 * asks. Pure, so it is tested without a DOM.
 */
export type TargetInput =
  | { kind: 'count'; value: number }
  | { kind: 'rate'; value: number }
  /** A bare number of at most 100: a rate or a (small) count? The reader says which. */
  | { kind: 'ambiguous'; value: number }
  | { kind: 'empty' }
  | { kind: 'invalid' };

/** Group separators French and English writers use: spaces, no-break spaces, narrow ones. */
const GROUPS = /[\s\u00a0\u202f]/g;

export function parseTargetInput(text: string): TargetInput {
  let rest = text.trim();
  if (rest === '') return { kind: 'empty' };
  const percent = /%$/.test(rest);
  if (percent) rest = rest.slice(0, -1).trim();
  const millions = /^(.*?)\s*(?:M|millions?)$/i.exec(rest);
  if (millions && !percent) rest = millions[1]!;
  rest = rest.replace(GROUPS, '');
  // "12,5" (French) or "12.5"; "12.000.000" or "12,000,000" as groups.
  if (/^\d{1,3}([.,]\d{3}){2,}$/.test(rest)) rest = rest.replace(/[.,]/g, '');
  else rest = rest.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(rest)) return { kind: 'invalid' };
  let value = Number(rest);
  if (!(value > 0)) return { kind: 'invalid' };
  if (percent) return value <= 100 ? { kind: 'rate', value } : { kind: 'invalid' };
  if (millions) value = Math.round(value * 1_000_000);
  if (!Number.isInteger(value)) return { kind: 'invalid' };
  if (!millions && value <= 100) return { kind: 'ambiguous', value };
  return { kind: 'count', value };
}
