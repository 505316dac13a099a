import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import StorageNote from './StorageNote.svelte';

const shownText = (container: Element) =>
  [...container.querySelectorAll('.storage-note span.shown')].map((s) => s.textContent);

describe('StorageNote', () => {
  it('holds both sentences before the browser answers, neither shown', () => {
    const { container } = render(StorageNote, { props: { persisted: undefined } });
    expect(container.querySelectorAll('.storage-note span')).toHaveLength(2);
    expect(shownText(container)).toEqual([]);
  });

  it('shows the sentence of the answer, the other keeping its room', async () => {
    const { container, rerender } = render(StorageNote, { props: { persisted: undefined } });
    await rerender({ persisted: true });
    expect(shownText(container)).toEqual([
      'Ce navigateur garde durablement les données de ce site.',
    ]);
    await rerender({ persisted: false });
    expect(shownText(container)).toEqual([
      'Ce navigateur peut effacer les données de ce site s’il manque de place ; elles seront alors rechargées.',
    ]);
    expect(container.querySelectorAll('.storage-note span')).toHaveLength(2);
  });
});
