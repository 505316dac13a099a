/**
 * V8 compiles a function the first time it is called, on the page's own thread: on a cold load
 * of the Overview at 4x CPU that was 700 ms of that thread's time, spread over the app's first
 * tasks. A script that starts with the magic comment `//# allFunctionsCalledOnLoad` has all its
 * functions compiled as it downloads, on the browser's background threads (V8's explicit compile
 * hints, Chromium 136 and later; other browsers read a comment). Every chunk of the app's code
 * starts with it, but for the few big libraries loaded on a reader's demand (the spreadsheet
 * reader, the communes' index), most of whose functions a visit never calls.
 * docs/performance.md, "Off the page's thread".
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Chunks over this size (bytes of code) are libraries a visit uses a little of: left lazy. */
export const EAGER_MAX_BYTES = 200_000;

/** The code with the hint on its first line, when it is to be compiled eagerly. */
export function withCompileHint(code: string): string {
  if (code.length > EAGER_MAX_BYTES || code.startsWith(COMPILE_HINT)) return code;
  return `${COMPILE_HINT}\n${code}`;
}

/**
 * Adds the hint to the build's chunks once they are final (minified). Workers are built apart
 * and reach this bundle as files, not chunks: they run off the page's thread anyway.
 */
export function compileHints(): Plugin {
  return {
    name: 'segur-pulse:compile-hints',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk') file.code = withCompileHint(file.code);
      }
    },
  };
}
