/**
 * A figure's source: an address where it was published, or only a label (a user's own file that
 * was never published has no address). Sources are told apart, grouped and linked through here.
 */

/** What tells one source from another: its address, or its label when it has none. */
export function sourceKey(o: { sourceUrl: string; sourceLabel: string }): string {
  return o.sourceUrl || o.sourceLabel;
}

/** What a reader sees of a source: its label, else its address. */
export function sourceText(o: { sourceUrl: string; sourceLabel: string }): string {
  return o.sourceLabel || o.sourceUrl;
}
