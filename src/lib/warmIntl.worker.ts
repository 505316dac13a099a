/** Loads the ICU data of the locales it is sent, off the page's thread (see warmIntl.ts). */
import { warmLocales } from './warmIntl';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<string[]>) => {
  warmLocales(event.data, (locale) => scope.postMessage(locale));
};
