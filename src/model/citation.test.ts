import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feeds/ingest';
import { embeddedFeed } from '../feeds/registry';
import { sourceName, sourceNames, sourceQuote } from './citation';

const source = (sourceUrl: string, sourceLabel: string) => ({ sourceUrl, sourceLabel });

describe('sourceName', () => {
  it('names the publisher and the kind, in French and in English', () => {
    const ars = source(
      'https://www.grand-est.ars.sante.fr/mon-espace-sante-fete-ses-trois-ans',
      'official (ARS Grand Est)',
    );
    expect(sourceName(ars, 'fr')).toBe('ARS Grand Est (officiel)');
    expect(sourceName(ars, 'en')).toBe('ARS Grand Est (official)');
    const press = source(
      'https://www.hospitalia.fr/COSUI-Segur-numerique_a4783.html',
      'press (Hospitalia relaying ANS, 13th COSUI Ségur numérique, Nov 2025)',
    );
    expect(sourceName(press, 'fr')).toBe('Hospitalia, relayant l’ANS (presse)');
    expect(sourceName(press, 'en')).toBe('Hospitalia, relaying the ANS (press)');
  });

  it('names a source again the same way, each language and label its own', () => {
    const ars = source('https://www.grand-est.ars.sante.fr/a', 'official (ARS Grand Est)');
    const press = source('https://www.grand-est.ars.sante.fr/a', 'press (quoting CNAM)');
    for (let i = 0; i < 2; i++) {
      expect(sourceName(ars, 'fr')).toBe('ARS Grand Est (officiel)');
      expect(sourceName(ars, 'en')).toBe('ARS Grand Est (official)');
      expect(sourceName(press, 'fr')).toBe('ARS Grand Est, citant la Cnam (presse)');
    }
  });

  it('says who is quoted, and lists several bodies as a sentence would', () => {
    expect(
      sourceName(
        source('https://www.innovasso.fr/x/', 'press (quoting CPAM 31 health director)'),
        'fr',
      ),
    ).toBe('Innovasso, citant la CPAM de la Haute-Garonne (presse)');
    expect(
      sourceName(
        source('https://lesechos-etudes.fr/blog/x', 'press (DNS/ANS/CNAM 1-year bilan)'),
        'fr',
      ),
    ).toBe('Les Echos Études, relayant la DNS, l’ANS et la Cnam (presse)');
  });

  it('does not say an official publisher relays itself', () => {
    expect(
      sourceName(source('https://esante.gouv.fr/segur/transparence', 'official (ANS)'), 'fr'),
    ).toBe('ANS (officiel)');
    expect(
      sourceName(
        source('https://www.assurance-maladie.ameli.fr/presse/x', 'official (CNAM press release)'),
        'en',
      ),
    ).toBe('Assurance Maladie (official)');
  });

  it('never invents a publisher: an unknown host is shown as the host', () => {
    expect(sourceName(source('https://www.example.org/a', 'press (ANS)'), 'fr')).toBe(
      'example.org, relayant l’ANS (presse)',
    );
  });

  it('shows a label of another form as it is, and a source without address as its label', () => {
    expect(sourceName(source('https://example.org/x.csv', 'Export ARS Occitanie'), 'fr')).toBe(
      'Export ARS Occitanie',
    );
    // A user's own file (issue 15): a label, no address, no link.
    expect(sourceName(source('', 'Mon tableur de suivi'), 'fr')).toBe('Mon tableur de suivi');
    expect(sourceName(source('', 'press (ANS)'), 'fr')).toBe('Presse, relayant l’ANS');
    expect(sourceName(source('https://www.example.org/x', ''), 'fr')).toBe('example.org');
  });

  it('joins several sources on one line that never starts with ";"', () => {
    const line = sourceNames(
      [
        source('https://esante.gouv.fr/a', 'official (ANS)'),
        source('https://esante.gouv.fr/b', 'official (ANS transparence page)'),
        source('https://www.hospitalia.fr/c', 'press (ANS)'),
      ],
      'fr',
    );
    expect(line).toBe('ANS (officiel)\u00a0; Hospitalia, relayant l’ANS (presse)');
  });

  it('names each source once, in the order first seen, whatever the repeats and blanks', () => {
    const figures = [
      source('https://www.example.org/x', ''),
      source('https://www.hospitalia.fr/c', 'press (ANS)'),
      source('https://www.example.org/x', ''),
      source('', ''),
      source('https://www.hospitalia.fr/c', 'press (ANS)'),
      source('https://www.example.org/y', ''),
    ];
    expect(sourceNames(figures, 'en')).toBe(
      'example.org\u00a0; Hospitalia, relaying the ANS (press)',
    );
  });
});

describe('sourceQuote', () => {
  it('takes the words between « and »', () => {
    expect(
      sourceQuote(
        'Landes. Quote: «Les deux départements qui se démarquent sont les Landes (41,7 %) et la Gironde (40 %).» The release says …',
      ),
    ).toBe(
      'Les deux départements qui se démarquent sont les Landes (41,7 %) et la Gironde (40 %).',
    );
  });

  it('takes a quote between plain quotes, across the apostrophes inside words', () => {
    expect(
      sourceQuote(
        "BFC: 'si aujourd'hui 95 % des assurés de Bourgogne Franche-Comté dispose d'un tel espace, seulement 15 % l'ont réellement activé' (ambassador charter)",
      ),
    ).toBe(
      "si aujourd'hui 95 % des assurés de Bourgogne Franche-Comté dispose d'un tel espace, seulement 15 % l'ont réellement activé",
    );
    // « » inside a plain quote belong to it.
    expect(
      sourceQuote(
        "'95 % des Français disposaient d'un profil ouvert « Mon espace santé » (soit plus de 66,6 millions de personnes)'",
      ),
    ).toMatch(/^95 % des Français .* personnes\)$/);
  });

  it('is nothing for a note without quote, or a short phrase the compiler quotes', () => {
    expect(sourceQuote('~97% have a profile; 2.5M connect monthly; 8M app downloads')).toBe(
      undefined,
    );
    expect(sourceQuote("'summer 2023' monthly rhythm")).toBeUndefined();
    expect(sourceQuote('')).toBeUndefined();
  });
});

describe('on the embedded data', () => {
  const { observations } = parseFeed(
    embeddedFeed,
    readFileSync(resolve(import.meta.dirname, '../../data/observations.csv')),
    { today: new Date('2026-12-05') },
  );

  it('gives every figure a French and an English source name, with no English in the French', () => {
    for (const o of observations) {
      const fr = sourceName(o, 'fr');
      expect(fr, o.sourceLabel).toMatch(
        /\((officiel|presse|GRADeS|entretien|débat parlementaire)\)$|relayant/,
      );
      expect(fr).not.toMatch(/\b(press|official|relaying|quoting|release|communiqué of)\b/);
      expect(sourceName(o, 'en')).not.toMatch(/\b(presse|officiel|relayant|citant)\b/);
    }
  });

  it('quotes the source of every figure of December 2026 (each note quotes it)', () => {
    const newer = observations.filter((o) => o.note.includes('«'));
    expect(newer.length).toBeGreaterThanOrEqual(19);
    for (const o of newer) expect(sourceQuote(o.note), o.note).toBeTruthy();
  });
});
