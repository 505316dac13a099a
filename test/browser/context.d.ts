// Values the browser project's global setup hands to its tests (`inject('baseURL')`).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin + path of the built app served by `vite preview`, ending with a slash. */
    baseURL: string;
    /** Chromium executable the tests drive with playwright-core. */
    chromiumPath: string;
  }
}
