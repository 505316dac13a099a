/**
 * "Did our outreach show?" in words: the place's and the nation's activations per month before
 * and after the start of the actions, and one plain statement of what the data can say. Pure
 * functions of the model's comparison; tested without a DOM.
 */
import '../../lib/messages/activation';
import type { Observation } from '../../model/observation';
import {
  formatChange,
  formatPeriod,
  formatQualified,
  formatSpan,
  type Lang,
} from '../../lib/format';
import { translate, translatePlural } from '../../lib/i18n.svelte';
import { sourceName } from '../../model/citation';
import { geoName } from '../../model/geography';
import type { OutreachComparison, PlacePaces, SidePace } from '../../model/outreach';
import { roundDerived } from './activationView';

export interface OutreachSide {
  /** "12 300 par mois", or why there is none. */
  value?: string;
  /** How it was computed: "moyenne de 5 mois", "entre 2 chiffres cumulés (…)". */
  how: string;
  sources: { url: string; label: string }[];
  /** The whole months used, "juil. 2025 : 20 000", for the details. */
  months: string[];
}

export interface OutreachRow {
  geo: string;
  name: string;
  before: OutreachSide;
  after: OutreachSide;
  change?: string;
}

export interface OutreachText {
  /** Column headers' spans: « de déc. 2024 à mai 2025 ». */
  beforeSpan: string;
  afterSpan: string;
  rows: OutreachRow[];
  /** What the data says, or that it cannot tell and why. */
  statement: string;
  /** Whether the statement is a finding (`told`) or "cannot tell". */
  told: boolean;
  notes: string[];
}

const isoMonth = (date: Date) => date.toISOString().slice(0, 7);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The months a side covers, as a span of whole months. */
function span(from: Date, to: Date, lang: Lang): string {
  // `to` is exclusive, and a month is counted whole: the side's last month is the one before `to`'s.
  const last = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 1, 1));
  return formatSpan(
    { period: isoMonth(from), precision: 'month' },
    { period: isoMonth(last), precision: 'month' },
    lang,
  );
}

function sources(observations: readonly Observation[], lang: Lang): OutreachSide['sources'] {
  const seen = new Map<string, { url: string; label: string }>();
  for (const o of observations) {
    const key = o.sourceUrl || o.sourceLabel;
    if (!seen.has(key)) seen.set(key, { url: o.sourceUrl, label: sourceName(o, lang) });
  }
  return [...seen.values()];
}

function side(p: SidePace, lang: Lang): OutreachSide {
  const months = p.monthly.map((m) =>
    translate(lang, 'activation.outreachMonth', {
      month: formatPeriod(m.month, 'month', lang),
      value: formatQualified(m.value, m.qualifier, 'count', lang),
    }),
  );
  if (!p.ok) {
    return {
      how: translate(lang, 'activation.outreachNoPace'),
      sources: sources(
        p.monthly.flatMap((m) => m.inputs),
        lang,
      ),
      months,
    };
  }
  const inputs = p.counts ? p.counts.map((c) => c.observation) : p.monthly.flatMap((m) => m.inputs);
  return {
    value: translate(lang, 'activation.pacePerMonth', {
      value: formatQualified(roundDerived(p.perMonth), p.qualifier, 'count', lang),
    }),
    how: p.counts
      ? translate(lang, 'activation.outreachFromCounts', {
          span: formatSpan(p.counts[0].observation, p.counts[1].observation, lang),
        })
      : translatePlural(lang, 'activation.outreachFromMonths', p.months),
    sources: sources(inputs, lang),
    months,
  };
}

function row(p: PlacePaces, lang: Lang): OutreachRow {
  return {
    geo: p.geo,
    name: geoName(p.geo, lang),
    before: side(p.before, lang),
    after: side(p.after, lang),
    ...(p.change !== undefined ? { change: formatChange(p.change, lang) } : {}),
  };
}

export function outreachText(
  comparison: OutreachComparison,
  lang: Lang,
  windowMonths: number,
): OutreachText {
  const { windows, place, nation, result } = comparison;
  const geo = geoName(place.geo, lang);
  const start = formatPeriod(isoDay(comparison.start), 'day', lang);
  const statement = result.told
    ? translate(lang, `activation.outreachVerdict.${result.verdict}`, {
        geo,
        start,
        place: place.change !== undefined ? formatChange(place.change, lang) : '',
        nation: nation?.change !== undefined ? formatChange(nation.change, lang) : '',
      })
    : translate(lang, `activation.outreachCannot.${result.reason}`, {
        geo,
        start,
        n: windowMonths,
      });
  const notes: string[] = [];
  if (comparison.uncertain) notes.push(translate(lang, 'activation.outreachUncertain'));
  if (result.told) notes.push(translate(lang, 'activation.outreachNotCause'));
  return {
    beforeSpan: span(windows.beforeFrom, windows.beforeTo, lang),
    afterSpan: span(windows.afterFrom, windows.afterTo, lang),
    rows: [row(place, lang), ...(nation ? [row(nation, lang)] : [])],
    statement,
    told: result.told,
    notes,
  };
}
