/** Sizes of the built app: what the first paint needs, read from Vite's build manifest. */
import { gzipSync } from 'node:zlib';

/** One entry of Vite's .vite/manifest.json. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

/**
 * Every file index.html loads before any user action: the entry chunk and its static imports
 * (what Vite writes as modulepreload links), transitively, with their CSS, and the same for the
 * dynamic imports made at every start of the first page, each by a chunk already counted
 * (`atStart`: src/start.ts and src/App.svelte, the app, which src/main.ts imports once the
 * prerendered page is painted; the Overview, src/views/pages.ts's). Other dynamic imports are
 * left out: they load on demand (another page, a refresh that needs parsing).
 */
export function staticClosure(
  manifest: ViteManifest,
  entryKey = 'index.html',
  atStart: string[] = ['src/start.ts', 'src/App.svelte', 'src/views/overview/Overview.svelte'],
): {
  js: string[];
  css: string[];
} {
  const keys = new Set<string>();
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || keys.has(key)) return;
    keys.add(key);
    js.add(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const k of chunk.imports ?? []) visit(k);
  };
  if (!manifest[entryKey]) throw new Error(`the build manifest has no entry "${entryKey}"`);
  visit(entryKey);
  for (const key of atStart) {
    if (![...keys].some((k) => manifest[k]!.dynamicImports?.includes(key))) {
      throw new Error(`nothing "${entryKey}" loads imports "${key}"`);
    }
    visit(key);
  }
  return { js: [...js], css: [...css] };
}

export function gzipSize(bytes: Uint8Array | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}
