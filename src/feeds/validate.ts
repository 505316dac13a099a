/**
 * Validation of tidy records: the schema's field constraints, then meaning (known indicator,
 * real place, real date not in the future, plausible value), then checks across rows.
 */
import { parseGeo } from '../model/geography';
import { indicatorById } from '../model/indicators';
import { checkPrecision, periodDate } from '../model/period';
import { checkField, tidySchema, truncate, type RawRecord } from './schema';
import type { FeedIssue, Observation, Precision, Qualifier } from './types';
import { parseNumberCell, parsePeriodCell } from './values';
import { sourceKey } from '../model/source';

export interface ValidationContext {
  feed: string;
  /** Figures dated after this day are rejected. */
  today: Date;
}

/** Validates one record; returns the observation, or the issues that stop it. */
export function validateRecord(
  rec: RawRecord,
  line: number,
  ctx: ValidationContext,
): { observation?: Observation; issues: FeedIssue[] } {
  const issues: FeedIssue[] = [];
  const fail = (column: string, reason: string) =>
    issues.push({ feed: ctx.feed, row: line, column, reason });
  const cell = (name: string) => (rec[name] ?? '').trim();

  for (const field of tidySchema.fields) {
    if (field.name === 'period') continue; // period accepts French dates, parsed below
    const problem = checkField(field, cell(field.name));
    if (problem) fail(field.name, problem);
  }

  const indicator = indicatorById.get(cell('indicator'));
  if (cell('indicator') && !indicator)
    fail('indicator', `unknown indicator "${truncate(cell('indicator'))}"`);
  const breakdown = cell('breakdown');
  if (indicator && breakdown && !indicator.breakdown?.values[breakdown]) {
    fail('breakdown', `"${truncate(breakdown)}" is not a breakdown of ${indicator.id}`);
  }

  const geo = parseGeo(cell('geo'));
  if (cell('geo') && 'error' in geo) fail('geo', geo.error);

  let period = '';
  let precision: Precision = 'day';
  if (cell('period') === '') fail('period', 'is required but empty');
  else {
    const p = parsePeriodCell(cell('period'));
    if (!p.ok) fail('period', p.error);
    else {
      period = p.value.period;
      precision = (cell('precision') || p.value.precision) as Precision;
      const mismatch = checkPrecision(period, precision);
      if (mismatch) fail('precision', mismatch);
      if (periodDate(period).getTime() > ctx.today.getTime()) {
        fail('period', `${period} is in the future`);
      }
    }
  }

  let value = NaN;
  const v = parseNumberCell(cell('value'));
  if (!v.ok) fail('value', v.error);
  else {
    value = v.value;
    if (indicator?.min !== undefined && value < indicator.min)
      fail('value', `${value} is below ${indicator.min}`);
    if (indicator?.max !== undefined && value > indicator.max)
      fail('value', `${value} is above ${indicator.max}`);
  }

  if (issues.length) return { issues };
  return {
    issues,
    observation: {
      indicator: indicator!.id,
      breakdown,
      geo: cell('geo'),
      period,
      precision,
      value,
      qualifier: (cell('qualifier') || '=') as Qualifier,
      sourceUrl: cell('source_url'),
      sourceLabel: cell('source_label'),
      note: cell('note'),
      feed: ctx.feed,
    },
  };
}

/**
 * Checks across rows: the same figure (indicator, place, period, source) twice with different
 * values, and more profiles activated than open at the same place and date from one source.
 * Exact duplicates are dropped with a warning.
 */
export function checkAcrossRows(
  rows: { line: number; observation: Observation }[],
  feed: string,
): { kept: Observation[]; issues: FeedIssue[]; warnings: FeedIssue[] } {
  const issues: FeedIssue[] = [];
  const warnings: FeedIssue[] = [];
  const seen = new Map<string, { line: number; observation: Observation }>();
  const kept: Observation[] = [];
  for (const row of rows) {
    const o = row.observation;
    const key = figureKey(o);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, row);
      kept.push(o);
    } else if (first.observation.value === o.value && first.observation.qualifier === o.qualifier) {
      warnings.push({ feed, row: row.line, reason: `duplicates row ${first.line}; kept once` });
    } else {
      issues.push({
        feed,
        row: row.line,
        column: 'value',
        reason: `conflicts with row ${first.line}: same indicator, place, period and source with value ${first.observation.value} vs ${o.value}`,
      });
    }
  }
  for (const row of rows) {
    const a = row.observation;
    if (a.indicator !== 'mes_profiles_activated') continue;
    const open = seen.get(figureKey({ ...a, indicator: 'mes_profiles_open' }));
    if (
      open &&
      a.value > open.observation.value &&
      a.qualifier !== '~' &&
      open.observation.qualifier === '='
    ) {
      issues.push({
        feed,
        row: row.line,
        column: 'value',
        reason: `${a.value} profiles activated is more than the ${open.observation.value} open at the same date (row ${open.line})`,
      });
    }
  }
  return { kept, issues, warnings };
}

/** The schema's primary key: one figure of one source. */
function figureKey(o: Observation): string {
  return [o.indicator, o.breakdown, o.geo, o.period, sourceKey(o)].join('\u0000');
}
