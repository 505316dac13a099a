import { afterEach, describe, expect, it } from 'vitest';
import {
  STAGING_ATTRIBUTE,
  allRendered,
  askTurn,
  firstScreenRendered,
  holdFirstScreen,
  renderAllNow,
  renderInTurns,
  stagedAppShown,
  waitingTurns,
  whenOnScreen,
} from './renderQueue';

/** Resolves when `run` is given its turn, with what had run by then. */
function turn(log: string[], name: string): Promise<void> {
  return new Promise((resolve) => {
    askTurn(() => {
      log.push(name);
      // Work queued by this turn (its microtasks) runs before the next turn: one task each.
      queueMicrotask(() => log.push(`${name} microtask`));
      resolve();
    });
  });
}

afterEach(() => {
  renderAllNow();
  renderInTurns(false);
});

describe('rendering in turns', () => {
  it('runs a part at once when the app does not render in turns (server, component tests)', () => {
    const log: string[] = [];
    askTurn(() => log.push('part'));
    expect(log).toEqual(['part']);
    expect(waitingTurns()).toBe(0);
  });

  it('runs the parts later, in the order asked, each in a task of its own', async () => {
    renderInTurns(true);
    const log: string[] = [];
    const first = turn(log, 'chart');
    const second = turn(log, 'table');
    expect(log).toEqual([]);
    expect(waitingTurns()).toBe(2);
    expect(document.documentElement.hasAttribute('data-rendering')).toBe(true);
    await Promise.all([first, second]);
    expect(log).toEqual(['chart', 'chart microtask', 'table', 'table microtask']);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(waitingTurns()).toBe(0);
    expect(document.documentElement.hasAttribute('data-rendering')).toBe(false);
  });

  it('never runs a part removed before its turn, and still runs the ones after it', async () => {
    renderInTurns(true);
    const log: string[] = [];
    const cancel = askTurn(() => log.push('removed'));
    const kept = turn(log, 'kept');
    cancel();
    await kept;
    expect(log).toEqual(['kept', 'kept microtask']);
    expect(waitingTurns()).toBe(0);
  });

  it('renders every waiting part at once before printing', () => {
    renderInTurns(true);
    const log: string[] = [];
    askTurn(() => log.push('monthly'));
    askTurn(() => log.push('targets'));
    window.dispatchEvent(new Event('beforeprint'));
    expect(log).toEqual(['monthly', 'targets']);
    expect(waitingTurns()).toBe(0);
    expect(document.documentElement.hasAttribute('data-rendering')).toBe(false);
  });

  it('takes a first-screen part before the parts further down already waiting', async () => {
    renderInTurns(true);
    const log: string[] = [];
    const monthly = turn(log, 'monthly section');
    const chartFrame = new Promise<void>((resolve) =>
      askTurn(() => {
        log.push('first chart');
        // The chart asks for its marks' turn while the sections below are waiting.
        askTurn(() => {
          log.push('first chart marks');
          resolve();
        }, true);
      }, true),
    );
    await Promise.all([monthly, chartFrame]);
    expect(log.filter((l) => !l.endsWith('microtask'))).toEqual([
      'first chart',
      'first chart marks',
      'monthly section',
    ]);
  });

  it('takes the rest of a part asked for in its turn before every part already waiting', async () => {
    renderInTurns(true);
    const log: string[] = [];
    const below = new Promise<void>((resolve) =>
      askTurn(() => {
        log.push('chart below');
        // Its points: right after its axes, not after the sections below it.
        askTurn(() => log.push('chart below, points'), false, true);
        askTurn(() => log.push('chart below, legend'), false, true);
        resolve();
      }),
    );
    const sections = [turn(log, 'targets'), turn(log, 'pace')];
    askTurn(() => log.push('a first-screen part'), true);
    await Promise.all([below, ...sections]);
    expect(log.filter((l) => !l.endsWith('microtask'))).toEqual([
      'a first-screen part',
      'chart below',
      'chart below, points',
      'chart below, legend',
      'targets',
      'pace',
    ]);
  });

  it('says when no first-screen part waits any more, the parts below still waiting', async () => {
    renderInTurns(true);
    const log: string[] = [];
    askTurn(() => log.push('chart'), true);
    askTurn(() => log.push('chart marks'), true);
    askTurn(() => log.push('targets'));
    await firstScreenRendered();
    expect(log).toEqual(['chart', 'chart marks']);
    expect(waitingTurns()).toBe(1);
    // None waiting: at once.
    await firstScreenRendered();
    expect(waitingTurns()).toBe(1);
  });

  it('keeps the first screen unfinished until what a part of it reads has come, or failed', async () => {
    renderInTurns(true);
    const log: string[] = [];
    let arrive!: () => void;
    let fail!: (e: Error) => void;
    holdFirstScreen(new Promise<void>((resolve) => (arrive = resolve)));
    const failing = new Promise<void>((_, reject) => (fail = reject));
    failing.catch(() => {});
    holdFirstScreen(failing);
    askTurn(() => log.push('chart'), true);
    const whole = firstScreenRendered().then(() => log.push('first screen whole'));
    const all = allRendered().then(() => log.push('page whole'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual(['chart']);
    expect(waitingTurns()).toBe(2);
    expect(document.documentElement.hasAttribute('data-rendering')).toBe(true);
    arrive();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['chart']);
    fail(new Error('IndexedDB closed'));
    await Promise.all([whole, all]);
    expect(log).toEqual(['chart', 'first screen whole', 'page whole']);
    expect(waitingTurns()).toBe(0);
    expect(document.documentElement.hasAttribute('data-rendering')).toBe(false);
  });

  it('holds nothing where the page does not render in turns', async () => {
    holdFirstScreen(new Promise<void>(() => {}));
    expect(waitingTurns()).toBe(0);
    await firstScreenRendered();
  });

  it('says when the page is whole, a part asked for in the last turn included', async () => {
    renderInTurns(true);
    const log: string[] = [];
    askTurn(() => log.push('chart'), true);
    askTurn(() => {
      log.push('table');
      // A part that asks for one more (the next rows) in its own turn: the page is not whole yet.
      askTurn(() => log.push('more rows'));
    });
    await allRendered();
    expect(log).toEqual(['chart', 'table', 'more rows']);
    expect(waitingTurns()).toBe(0);
    // None waiting: at once.
    await allRendered();
  });

  it('holds back what waits to be seen while the app is built unseen, until it is shown', async () => {
    const stage = document.createElement('div');
    stage.setAttribute(STAGING_ATTRIBUTE, '');
    const chart = stage.appendChild(document.createElement('figure'));
    document.body.append(stage);
    const outside = document.body.appendChild(document.createElement('figure'));
    const seen: string[] = [];
    void whenOnScreen(chart).then(() => seen.push('staged chart'));
    await whenOnScreen(outside);
    await Promise.resolve();
    expect(seen).toEqual([]);
    stage.removeAttribute(STAGING_ATTRIBUTE);
    stagedAppShown();
    await Promise.resolve();
    expect(seen).toEqual(['staged chart']);
    stage.remove();
    outside.remove();
  });
});
