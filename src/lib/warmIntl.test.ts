import { describe, expect, it } from 'vitest';
import { INTL_WARM_STEPS, warmIntl } from './warmIntl';

describe('warmIntl', () => {
  it('runs one step per task, in order, none before the first task', () => {
    const tasks: (() => void)[] = [];
    const ran: string[] = [];
    const steps = ['a', 'b', 'c'].map((name) => (locale: string) => ran.push(`${name}:${locale}`));
    warmIntl('fr-FR', steps, (run) => tasks.push(run));
    expect(ran).toEqual([]);
    const seen: string[][] = [];
    while (tasks.length) {
      tasks.shift()!();
      seen.push([...ran]);
    }
    expect(seen).toEqual([['a:fr-FR'], ['a:fr-FR', 'b:fr-FR'], ['a:fr-FR', 'b:fr-FR', 'c:fr-FR']]);
  });

  it('goes on after a step that throws (a browser without one of the services)', () => {
    const tasks: (() => void)[] = [];
    const ran: string[] = [];
    const steps = [
      () => {
        throw new TypeError('Intl.ListFormat is not a constructor');
      },
      () => ran.push('next'),
    ];
    warmIntl('fr-FR', steps, (run) => tasks.push(run));
    while (tasks.length) tasks.shift()!();
    expect(ran).toEqual(['next']);
  });

  it("reaches every service the app's formatters use, for French and English", () => {
    for (const locale of ['fr-FR', 'en-GB']) {
      for (const step of INTL_WARM_STEPS) expect(() => step(locale)).not.toThrow();
    }
  });
});
