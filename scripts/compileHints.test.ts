// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, EAGER_MAX_BYTES, compileHints, withCompileHint } from './compileHints';

describe('withCompileHint', () => {
  it("puts V8's hint on the first line of a chunk", () => {
    const code = 'import{a as e}from"./a.js";export{e as b};';
    expect(withCompileHint(code)).toBe(`//# allFunctionsCalledOnLoad\n${code}`);
    expect(withCompileHint(code).split('\n')[0]).toBe(COMPILE_HINT);
  });

  it('adds it once', () => {
    const once = withCompileHint('var a=1;');
    expect(withCompileHint(once)).toBe(once);
  });

  it('leaves a big library lazy', () => {
    const big = 'x'.repeat(EAGER_MAX_BYTES + 1);
    expect(withCompileHint(big)).toBe(big);
  });
});

describe('compileHints (the build plugin)', () => {
  it("adds the hint to the bundle's chunks, not to its other files", () => {
    const bundle = {
      'assets/App-1.js': { type: 'chunk', code: 'export default 1;' },
      'assets/ingest.worker-2.js': { type: 'asset', source: 'self.onmessage=()=>{};' },
      'index.html': { type: 'asset', source: '<!doctype html>' },
    };
    const plugin = compileHints();
    const hook = plugin.generateBundle as (options: unknown, bundle: unknown) => void;
    hook.call({}, {}, bundle);
    expect(bundle['assets/App-1.js'].code).toBe(`${COMPILE_HINT}\nexport default 1;`);
    expect(bundle['assets/ingest.worker-2.js'].source).toBe('self.onmessage=()=>{};');
    expect(bundle['index.html'].source).toBe('<!doctype html>');
  });
});
