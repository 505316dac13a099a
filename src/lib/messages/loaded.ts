/**
 * The messages loaded so far, by language: the app's first-paint messages (added by
 * i18n.svelte.ts), then each page's area as its module loads. Area modules import this file, and
 * i18n.svelte.ts reads it, so neither imports the other back.
 */
import type { Lang } from '../format';

export const loadedMessages: Record<Lang, Record<string, string>> = { fr: {}, en: {} };

/**
 * Adds an area's messages (called by messages/<area>.ts when it loads). English must give every
 * French key: the `en` type of each module says so.
 */
export function addMessages<K extends string>(
  frMessages: Record<K, string>,
  enMessages: Record<K, string>,
): void {
  Object.assign(loadedMessages.fr, frMessages);
  Object.assign(loadedMessages.en, enMessages);
}
