import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { askTurn, firstScreenRendered, renderAllNow, renderInTurns } from '../lib/renderQueue';
import { rowsInTurns } from './rowsInTurns.svelte';

afterEach(() => {
  renderAllNow();
  renderInTurns(false);
});

describe('rowsInTurns', () => {
  it('gives every row at once where nothing renders in turns (server render, tests)', () => {
    const cleanup = $effect.root(() => {
      const rows = rowsInTurns(() => 60, 15, false);
      expect(Math.min(rows.count, 60)).toBe(60);
    });
    cleanup();
  });

  it('in the app, a chunk more each turn, the first screen shown once all are there', async () => {
    renderInTurns(true);
    const seen: number[] = [];
    let rows: { readonly count: number } | undefined;
    const cleanup = $effect.root(() => {
      rows = rowsInTurns(() => 40, 15, true);
      $effect(() => {
        seen.push(rows!.count);
      });
    });
    flushSync();
    expect(seen).toEqual([15]);
    // A part further down waits until the table's chunks, all of the first screen, are built.
    let below: number | undefined;
    const belowTurn = new Promise<void>((resolve) =>
      askTurn(() => {
        below = rows!.count;
        resolve();
      }),
    );
    await firstScreenRendered();
    flushSync();
    expect(seen).toEqual([15, 30, 45]);
    await belowTurn;
    expect(below).toBe(45);
    cleanup();
  });
});
