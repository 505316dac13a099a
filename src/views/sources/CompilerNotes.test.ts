import { fireEvent, render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { syntheticObservation } from '../../../test/synthetic';
import { embeddedFeed } from '../../feeds/registry';
import CompilerNotes from './CompilerNotes.svelte';

// Synthetic figures: one transcribed by the data's compiler (notes in English), one a user's.
const figures = [
  syntheticObservation({
    period: '2025-01',
    value: 1200,
    feed: embeddedFeed.id,
    sourceLabel: 'synthetic press release',
    note: 'synthetic compiler note',
  }),
  syntheticObservation({ period: '2025-02', value: 1300, note: 'note de mon fichier' }),
];

describe('CompilerNotes', () => {
  it('lists a source’s figures only once the reader opens it, the compiler’s words marked English', async () => {
    const { container } = render(CompilerNotes, { props: { figures } });
    const details = container.querySelector<HTMLDetailsElement>('details')!;
    expect(details.querySelectorAll('li')).toHaveLength(0);

    details.open = true;
    await fireEvent(details, new Event('toggle'));
    const items = [...details.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('[lang="en"]')?.textContent).toBe('synthetic press release');
    expect([...items[0]!.querySelectorAll('[lang="en"]')].map((n) => n.textContent)).toContain(
      'synthetic compiler note',
    );
    expect(items[1]!.querySelector('[lang="en"]')).toBeNull();
    expect(items[1]!.textContent).toContain('note de mon fichier');
  });
});
