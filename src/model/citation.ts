/**
 * How a figure is cited to a reader: who published it and what kind of source it is
 * (« ARS Grand Est (officiel) », « Hospitalia, relayant l'ANS (presse) »), and the source's own
 * words when the data quotes them. Pure; the views render the results as text.
 *
 * The embedded data transcribes its sources in English for the compiler ("press (relaying CNAM
 * communiqué)"). The publisher comes from the address's host through a reviewed table (a host
 * not in it is shown as the host itself: never a made-up name); the kind from the transcription's
 * first word; the bodies relayed from names the transcription spells out. A label that is not of
 * that transcribed form (a user's own feed: "Export ARS Occitanie") is shown as it is, and a source
 * without an address (label only) is shown as its label.
 */
import type { Observation } from './observation';
import { formatList, type Lang } from '../lib/format';

type Names = { fr: string; en: string };

/** Publishers by host (the host itself or any subdomain of it), reviewed by hand. */
const PUBLISHERS: Record<string, Names & { body?: string }> = {
  'esante.gouv.fr': { fr: 'ANS', en: 'ANS', body: 'ANS' },
  'assurance-maladie.ameli.fr': { fr: 'Assurance Maladie', en: 'Assurance Maladie', body: 'CNAM' },
  'evaluation.securite-sociale.fr': {
    fr: 'Sécurité sociale, REPSS Maladie',
    en: 'Sécurité sociale, REPSS Maladie',
  },
  'nosdeputes.fr': { fr: 'NosDéputés.fr', en: 'NosDéputés.fr' },
  'hospitalia.fr': { fr: 'Hospitalia', en: 'Hospitalia' },
  'ticsante.com': { fr: 'TICsanté', en: 'TICsanté' },
  'france3-regions.francetvinfo.fr': { fr: 'France 3 Régions', en: 'France 3 Régions' },
  'francetvinfo.fr': { fr: 'franceinfo', en: 'franceinfo' },
  'innovasso.fr': { fr: 'Innovasso', en: 'Innovasso' },
  'aefinfo.fr': { fr: 'AEF info', en: 'AEF info' },
  'lequotidiendumedecin.fr': { fr: 'Le Quotidien du Médecin', en: 'Le Quotidien du Médecin' },
  'esante-occitanie.fr': { fr: 'e-santé Occitanie', en: 'e-santé Occitanie' },
  'lesechos-etudes.fr': { fr: 'Les Echos Études', en: 'Les Echos Études' },
  'acuite.fr': { fr: 'Acuité', en: 'Acuité' },
  'usine-digitale.fr': { fr: 'L’Usine digitale', en: 'L’Usine digitale' },
  'klesiaprosocial.fr': { fr: 'Klesia Prosocial', en: 'Klesia Prosocial' },
  'biologiste365.fr': { fr: 'Biologiste 365', en: 'Biologiste 365' },
  'dsih.fr': { fr: 'DSIH', en: 'DSIH' },
  'alliancy.fr': { fr: 'Alliancy', en: 'Alliancy' },
  'info-chalon.com': { fr: 'Info-Chalon', en: 'Info-Chalon' },
  'sante-ara.fr': { fr: 'GCS SARA', en: 'GCS SARA' },
  'journal-du-palais.fr': { fr: 'Le Journal du Palais', en: 'Le Journal du Palais' },
  'news.dayfr.com': { fr: 'Dayfr', en: 'Dayfr' },
  'ouiemagazine.net': { fr: 'Ouïe Magazine', en: 'Ouïe Magazine' },
  'pressactu.com': { fr: 'Pressactu', en: 'Pressactu' },
  'ordremk.fr': {
    fr: 'Ordre des masseurs-kinésithérapeutes',
    en: 'Ordre des masseurs-kinésithérapeutes',
  },
  'concourspluripro.fr': { fr: 'Concours pluripro', en: 'Concours pluripro' },
  'egora.fr': { fr: 'Egora', en: 'Egora' },
  'segurnumerique.sante-idf.fr': { fr: 'SESAN', en: 'SESAN' },
  'maire-info.com': { fr: 'Maire-info', en: 'Maire-info' },
};

/** The regions' ARS sites: `www.<region-slug>.ars.sante.fr`. */
const ARS_REGIONS: Record<string, Names> = {
  'grand-est': { fr: 'ARS Grand Est', en: 'ARS Grand Est' },
  'auvergne-rhone-alpes': { fr: 'ARS Auvergne-Rhône-Alpes', en: 'ARS Auvergne-Rhône-Alpes' },
  'nouvelle-aquitaine': { fr: 'ARS Nouvelle-Aquitaine', en: 'ARS Nouvelle-Aquitaine' },
  'bourgogne-franche-comte': {
    fr: 'ARS Bourgogne-Franche-Comté',
    en: 'ARS Bourgogne-Franche-Comté',
  },
};

/** Bodies a transcription names as relayed or quoted, in the words a sentence needs. */
const BODIES: { id: string; pattern: RegExp; fr: string; en: string }[] = [
  { id: 'ANS', pattern: /\bANS\b/, fr: 'l’ANS', en: 'the ANS' },
  { id: 'CNAM', pattern: /\bCNAM\b/i, fr: 'la Cnam', en: 'the CNAM' },
  { id: 'DNS', pattern: /\bDNS\b/, fr: 'la DNS', en: 'the DNS' },
  {
    id: 'MINISTRY',
    pattern: /\bMinistry\b|\bministerial\b/i,
    fr: 'le ministère de la Santé',
    en: 'the Ministry of Health',
  },
  {
    id: 'ARS-27',
    pattern: /\bARS BFC\b/,
    fr: 'l’ARS Bourgogne-Franche-Comté',
    en: 'ARS Bourgogne-Franche-Comté',
  },
  {
    id: 'CNAM-AM',
    pattern: /\bAssurance Maladie\b/,
    fr: 'l’Assurance Maladie',
    en: 'Assurance Maladie',
  },
  { id: 'CPAM-80', pattern: /\bCPAM Somme\b/, fr: 'la CPAM de la Somme', en: 'CPAM de la Somme' },
  {
    id: 'CPAM-31',
    pattern: /\bCPAM 31\b/,
    fr: 'la CPAM de la Haute-Garonne',
    en: 'CPAM de la Haute-Garonne',
  },
  { id: 'AFP', pattern: /\bAFP\b/, fr: 'l’AFP', en: 'AFP' },
  { id: 'PULSY', pattern: /\bPulsy\b/, fr: 'Pulsy', en: 'Pulsy' },
  { id: 'AN', pattern: /\bAN\b/, fr: 'l’Assemblée nationale', en: 'the Assemblée nationale' },
];

type Kind = 'official' | 'press' | 'grades' | 'parliament' | 'interview';

const KINDS: Record<string, Kind> = {
  official: 'official',
  press: 'press',
  grades: 'grades',
  parliament: 'parliament',
  interview: 'interview',
};

const KIND_NAMES: Record<Kind, Names> = {
  official: { fr: 'officiel', en: 'official' },
  press: { fr: 'presse', en: 'press' },
  grades: { fr: 'GRADeS', en: 'regional e-health agency' },
  parliament: { fr: 'débat parlementaire', en: 'parliamentary debate' },
  interview: { fr: 'entretien', en: 'interview' },
};

/**
 * Transcriptions that do not start with a kind but are of the compiler's form, reviewed one by
 * one: the kind is left unsaid, the bodies are read as for the others.
 */
const REVIEWED_WITHOUT_KIND = new Set(['CNAM/DNS press release relayed']);

function hostOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function publisherOf(host: string): (Names & { body?: string }) | undefined {
  const ars = /^(?:www\.)?([a-z-]+)\.ars\.sante\.fr$/.exec(host);
  if (ars) {
    const region = ARS_REGIONS[ars[1]!];
    return region ? { ...region, body: `ARS-${ars[1]}` } : undefined;
  }
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const found = PUBLISHERS[h];
    if (found) return found;
  }
  return undefined;
}

/**
 * Publisher and kind of one source, in the reader's language: « Hospitalia, relayant l'ANS
 * (presse) », « ARS Grand Est (officiel) ». A label not transcribed by the compiler is returned
 * as it is; an empty label with an address gives the address's host.
 */
export function sourceName(
  source: Pick<Observation, 'sourceUrl' | 'sourceLabel'>,
  lang: Lang,
): string {
  const key = `${lang}\u0000${source.sourceUrl}\u0000${source.sourceLabel}`;
  let name = namedSources.get(key);
  if (name === undefined) {
    // A chart names the source of each of its points (their labels for screen readers), and
    // most points of a page share a handful of sources: each is named once, not parsed again.
    if (namedSources.size >= NAMED_SOURCES_MAX) namedSources.clear();
    name = nameSource(source, lang);
    namedSources.set(key, name);
  }
  return name;
}

/** Sources already named, by language, address and label (sourceName). */
const namedSources = new Map<string, string>();
/** Beyond this many, the names are forgotten and made again: users' feeds add sources. */
const NAMED_SOURCES_MAX = 5_000;

function nameSource(source: Pick<Observation, 'sourceUrl' | 'sourceLabel'>, lang: Lang): string {
  const label = source.sourceLabel.trim();
  const host = hostOf(source.sourceUrl);
  const firstWord = label.split(/[\s(]/, 1)[0]!.toLowerCase();
  const kind = KINDS[firstWord];
  if (!kind && !REVIEWED_WITHOUT_KIND.has(label)) return label || host?.replace(/^www\./, '') || '';

  const publisher = host ? publisherOf(host) : undefined;
  const who = publisher?.[lang] ?? host?.replace(/^www\./, '') ?? '';
  const details = kind ? label.slice(firstWord.length) : label;
  const bodies =
    kind === 'official'
      ? []
      : BODIES.filter(
          (b) =>
            b.pattern.test(details) &&
            b.id !== publisher?.body &&
            !(b.id === 'CNAM-AM' && publisher?.body === 'CNAM'),
        )
          .map((b) => ({ at: details.search(b.pattern), name: b[lang] }))
          .sort((a, b) => a.at - b.at)
          .map((b) => b.name);
  const quoting = /\bquoting\b/.test(details);
  const verb = lang === 'fr' ? (quoting ? 'citant' : 'relayant') : quoting ? 'quoting' : 'relaying';
  const relayed = bodies.length ? `, ${verb} ${formatList(bodies, lang)}` : '';
  const kindName = kind ? KIND_NAMES[kind][lang] : '';
  // Without a publisher (a label with no address), the kind says who: « Presse, relayant l’ANS ».
  if (!who) {
    const head = kindName.charAt(0).toUpperCase() + kindName.slice(1);
    return head ? `${head}${relayed}` : label;
  }
  return `${who}${relayed}${kindName ? ` (${kindName})` : ''}`;
}

/**
 * The distinct names of several sources, in order, as one line (never starting with ";"). Each
 * address and label is named once: a publication's dozens of figures mostly share both.
 */
export function sourceNames(
  sources: readonly Pick<Observation, 'sourceUrl' | 'sourceLabel'>[],
  lang: Lang,
): string {
  const named = new Set<string>();
  const names = new Set<string>();
  for (const source of sources) {
    const key = `${source.sourceUrl}\u0000${source.sourceLabel}`;
    if (named.has(key)) continue;
    named.add(key);
    const name = sourceName(source, lang);
    if (name) names.add(name);
  }
  // A no-break space before ";" (French typography) keeps it on the line of the name before it.
  return [...names].join('\u00a0; ');
}

/** Fewer words than this between plain quotes is a phrase the compiler is quoting, not a citation. */
const MIN_QUOTE_WORDS = 4;

/**
 * The source's own words quoted in a note: the first « … » or '…' (the older transcriptions'
 * quotes), whichever opens first, a '…' counting only with at least four words (fewer is a
 * phrase the compiler quotes, not a citation) and an apostrophe inside a word (« l'objectif »)
 * neither opening nor closing one. Undefined when the note quotes nothing.
 */
export function sourceQuote(note: string): string | undefined {
  const guillemets = /«\s*([^»]+?)\s*»/.exec(note);
  const plain = plainQuote(note);
  if (plain && (!guillemets || plain.at < guillemets.index)) return plain.text;
  return guillemets?.[1];
}

function plainQuote(note: string): { at: number; text: string } | undefined {
  const letter = /\p{L}/u;
  for (let open = note.indexOf("'"); open !== -1; open = note.indexOf("'", open + 1)) {
    if (open > 0 && letter.test(note[open - 1]!)) continue;
    let close = note.indexOf("'", open + 1);
    while (close !== -1 && close + 1 < note.length && letter.test(note[close + 1]!)) {
      close = note.indexOf("'", close + 1);
    }
    if (close === -1) return undefined;
    const text = note.slice(open + 1, close).trim();
    if (text.split(/\s+/).length >= MIN_QUOTE_WORDS) return { at: open, text };
    open = close;
  }
  return undefined;
}
