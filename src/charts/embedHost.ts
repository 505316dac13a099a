/**
 * In embed mode, the one chart on screen tells the embed page what it shows (its title and
 * sources), so that the page can name itself and give the source line under the chart. The embed
 * page sets the host in the context; ChartActions, present in every chart, reports to it. Outside
 * an embed there is no host, and a chart offers its own embed action instead.
 */
import { getContext, setContext } from 'svelte';
import type { CitedSource } from './citation';

export interface ShownChart {
  id: string;
  title: string;
  sources: CitedSource[];
}

export interface EmbedHost {
  show(chart: ShownChart): void;
}

const KEY = Symbol('segur-pulse:embed-host');

export function setEmbedHost(host: EmbedHost): void {
  setContext(KEY, host);
}

/** The embed page around this chart, if any (call while the component initialises). */
export function getEmbedHost(): EmbedHost | undefined {
  return getContext<EmbedHost | undefined>(KEY);
}
