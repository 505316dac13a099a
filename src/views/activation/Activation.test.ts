import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../../feeds/ingest';
import { embeddedFeed } from '../../feeds/registry';
import { allRendered, renderAllNow, renderInTurns } from '../../lib/renderQueue';
import { navigate, router } from '../../lib/router.svelte';
import { dataState } from '../../sync/dataState.svelte';
import Activation from './Activation.svelte';

const { observations } = parseFeed(
  embeddedFeed,
  readFileSync(resolve(import.meta.dirname, '../../../data/observations.csv')),
  { today: new Date('2026-11-22') },
);

beforeEach(() => {
  dataState.observations = observations;
  dataState.status = 'fresh';
  navigate({ page: 'activation' }, { replace: true });
});

afterEach(() => {
  renderAllNow();
  renderInTurns(false);
  dataState.observations = [];
  dataState.status = 'loading';
});

describe('Activation page on the embedded data', () => {
  it('follows France by default: latest figures, paces, the national target projected', () => {
    const { container } = render(Activation);
    expect(
      container.querySelector<HTMLSelectElement>('[data-testid="activation-geo"]')?.value,
    ).toBe('FR');
    expect(container.querySelector('[data-testid="activation-thin"]')).toBeNull();
    expect(
      container.querySelectorAll('[data-testid="activation-pace"] [data-ok="true"]'),
    ).toHaveLength(3);
    expect(
      container.querySelector('[data-testid="target-national"]')?.getAttribute('data-status'),
    ).toBe('projected');
    expect(
      container.querySelector('[data-testid="target-user"]')?.getAttribute('data-status'),
    ).toBe('no-target');
    expect(
      container.querySelectorAll('figure[data-chart-id="activation-monthly"] .point').length,
    ).toBeGreaterThan(0);
  });

  it('for a region with little data, says so, links to the feeds page and projects nothing', () => {
    navigate({ geo: 'REG-44', target: 2_000_000 }, { replace: true });
    const { container } = render(Activation);
    const notice = container.querySelector('[data-testid="activation-thin"]');
    expect(notice?.textContent).toContain('Peu de données pour Grand Est');
    expect(notice?.querySelector('a')?.getAttribute('href')).toMatch(/^#\/feeds/);
    expect(container.querySelector('[data-testid="activation-monthly-empty"]')).not.toBeNull();
    const user = container.querySelector('[data-testid="target-user"]')!;
    expect(user.getAttribute('data-status')).toBe('too-thin');
    expect(user.querySelector('.thin-sentence')?.textContent).toMatch(
      /^Trop peu de données pour projeter/,
    );
  });

  it('offers France, the 18 regions and the 101 departments, and shows the place followed', () => {
    navigate({ geo: 'DEP-2A' }, { replace: true });
    const { container } = render(Activation);
    const select = container.querySelector<HTMLSelectElement>('[data-testid="activation-geo"]')!;
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.querySelectorAll('option').length)).toEqual([1, 18, 101]);
    expect(select.value).toBe('DEP-2A');
    expect(select.selectedOptions[0]?.textContent).toBe('2A – Corse-du-Sud');
    expect(groups[1]!.querySelector('option')?.textContent).toBe('Auvergne-Rhône-Alpes');
  });

  it('builds each target in a turn of its own, after the section that holds them', async () => {
    // The section with both targets was one task of some 30 ms in the app (120 at 4x CPU).
    navigate({ geo: 'REG-75', target: 2_000_000 }, { replace: true });
    renderInTurns(true);
    let targetsWithSection: boolean | undefined;
    const observer = new MutationObserver(() => {
      if (targetsWithSection === undefined && document.getElementById('activation-targets'))
        targetsWithSection = document.querySelector('[data-testid^="target-"]') !== null;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const { container } = render(Activation);
    await allRendered();
    observer.disconnect();
    expect(targetsWithSection).toBe(false);
    expect(container.querySelector('[data-testid="target-national"]')).not.toBeNull();
    expect(
      container.querySelector('[data-testid="target-user"]')?.getAttribute('data-status'),
    ).not.toBeNull();
  });

  it('changing the place drops the target set for the previous one', () => {
    navigate({ geo: 'FR', target: 30_000_000 }, { replace: true });
    const { container } = render(Activation);
    const select = container.querySelector<HTMLSelectElement>('[data-testid="activation-geo"]')!;
    select.value = 'DEP-54';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    flushSync();
    expect(router.state.geo).toBe('DEP-54');
    expect(router.state.target).toBeUndefined();
  });
});
