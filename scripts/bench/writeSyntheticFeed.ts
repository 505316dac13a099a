/**
 * Writes a SYNTHETIC feed of the benchmark to a file, for profiling outside the bench:
 *
 *   npx tsx scripts/bench/writeSyntheticFeed.ts <rows> <file> [--wide]
 *
 * e.g. `npx tsx scripts/bench/writeSyntheticFeed.ts 1000000 /tmp/synthetic-1m.csv`, then
 * `npm run validate-feed -- /tmp/synthetic-1m.csv`. Write it under /tmp: synthetic files are
 * never committed nor put in data/ or public/.
 */
import { writeFileSync } from 'node:fs';
import { syntheticTidyCsv, syntheticWideCsv } from './syntheticFeed';

const USAGE = 'usage: npx tsx scripts/bench/writeSyntheticFeed.ts <rows> <file> [--wide]';

export function writeSyntheticFeed(argv: string[]): number {
  const wide = argv.includes('--wide');
  const [rows, file, ...rest] = argv.filter((a) => a !== '--wide');
  if (!rows || !file || rest.length || !/^[1-9]\d*$/.test(rows)) {
    console.error(USAGE);
    return 2;
  }
  const n = Number(rows);
  const text = wide ? syntheticWideCsv(n) : syntheticTidyCsv(n);
  writeFileSync(file, text);
  console.log(
    `${file}: ${n} synthetic ${wide ? 'wide' : 'tidy'} rows, ${Buffer.byteLength(text)} bytes`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = writeSyntheticFeed(process.argv.slice(2));
}
