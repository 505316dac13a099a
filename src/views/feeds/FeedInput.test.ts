import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import FeedInput from './FeedInput.svelte';

function setup() {
  const onurl = vi.fn<(url: string) => void>();
  const onfile = vi.fn<(file: File) => void>();
  const view = render(FeedInput, { props: { onurl, onfile } });
  return { ...view, onurl, onfile };
}

describe('FeedInput', () => {
  it.each([
    ['http://example.org/synthetic.csv', /seules les adresses https:\/\/ sont acceptées/],
    ['ftp://example.org/synthetic.csv', /les adresses « ftp: » ne sont pas acceptées/],
    ['javascript:alert(1)', /les adresses « javascript: » ne sont pas acceptées/],
    ['pas une adresse', /« pas une adresse » n’est pas une adresse web/],
  ])('refuses %s with a clear message and reads nothing', async (url, message) => {
    const { onurl } = setup();
    await fireEvent.input(screen.getByLabelText('Adresse du flux (https)'), {
      target: { value: url },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Lire ce flux' }));
    expect(screen.getByRole('alert').textContent).toMatch(message);
    expect(screen.getByLabelText('Adresse du flux (https)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(onurl).not.toHaveBeenCalled();
  });

  it('passes an https address on, trimmed', async () => {
    const { onurl } = setup();
    await fireEvent.input(screen.getByLabelText('Adresse du flux (https)'), {
      target: { value: ' https://example.org/synthetic.csv ' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Lire ce flux' }));
    expect(onurl).toHaveBeenCalledWith('https://example.org/synthetic.csv');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes a file dropped on the drop zone', async () => {
    const { onfile } = setup();
    const file = new File(['a;b\n1;2\n'], 'synthetic.csv', { type: 'text/csv' });
    const zone = screen.getByTestId('drop-zone');
    await fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
    expect(zone.classList.contains('dragging')).toBe(true);
    await fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    expect(onfile).toHaveBeenCalledWith(file);
    expect(zone.classList.contains('dragging')).toBe(false);
  });

  it('takes a file chosen in the picker', async () => {
    const { onfile } = setup();
    const file = new File(['x'], 'synthetic.json', { type: 'application/json' });
    const input = screen.getByLabelText(
      'Déposez un fichier ici, ou choisissez-le :',
    ) as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await fireEvent.change(input);
    expect(onfile).toHaveBeenCalledWith(file);
  });
});
