import { render } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticObservation } from '../../test/synthetic';
import { i18n } from '../lib/i18n.svelte';
import { dataState } from '../sync/dataState.svelte';
import StatusLine from './StatusLine.svelte';

const statusText = (container: Element) =>
  (container.querySelector('[data-testid="data-status"]')?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();

beforeEach(() => {
  dataState.observations = [syntheticObservation({ period: '2025-01', value: 1 })];
  dataState.feeds = [];
  dataState.updatedAt = undefined;
  dataState.status = 'error';
});

afterEach(() => {
  dataState.observations = [];
  dataState.failures = [];
  dataState.status = 'loading';
  i18n.setLang('fr');
});

describe('the status line after a failed refresh', () => {
  it('words a feed’s problem in French, once its texts are loaded, and never in English before', async () => {
    dataState.failures = [
      {
        feed: 'synthetic-feed',
        message: 'synthetic-feed: row 3: value: "abc" is not a number',
        issues: [
          {
            feed: 'synthetic-feed',
            row: 3,
            column: 'value',
            code: 'value.notANumber',
            params: { value: 'abc' },
            reason: '"abc" is not a number',
          },
        ],
        quota: false,
      },
    ];
    const { container } = render(StatusLine);
    expect(statusText(container)).toContain(
      'Flux « synthetic-feed » : ligne 3, colonne « value » :',
    );
    expect(statusText(container)).not.toContain('is not a number');
    await vi.waitFor(() => expect(statusText(container)).toMatch(/« abc » n’est pas un nombre/));
    expect(container.querySelector('[lang="en"]')).toBeNull();
  });

  it('introduces an unexpected error in French before the program’s own message', () => {
    dataState.failures = [
      { feed: 'synthetic-feed', message: 'Worker crashed', issues: [], quota: false },
    ];
    const { container } = render(StatusLine);
    expect(statusText(container)).toContain(
      'Flux « synthetic-feed » : erreur inattendue ; message technique : Worker crashed',
    );
    expect(container.querySelector('[lang="en"]')?.textContent).toBe('Worker crashed');
  });
});
