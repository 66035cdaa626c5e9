/**
 * The popup's search panel from the keyboard: ↓ and ↑ between the box and
 * the names found, an input method's own use of them, and focus kept when a
 * newer search replaces the names under it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchPanel } from '../../components/SearchPanel';
import { heusgenFoundFromTheBox, heusgenHits, manualSearch, type } from './support/manual-search';

afterEach(cleanup);

describe('SearchPanel', () => {
  it('moves from the box to the names found with ↓, from name to name with ↓ and ↑, and back to the box', async () => {
    const { search, requested } = manualSearch();
    render(<SearchPanel search={search} />);
    const box = screen.getByRole('searchbox');
    box.focus();
    // Nothing found yet: ↓ stays in the box, as it does in any text field.
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(box);
    type('heusgen');
    const trump = { id: 'donald-trump', name: 'Donald Trump', kind: 'person' } as const;
    (await requested('heusgen')).answer([...heusgenHits, { entity: trump, description: 'President of the United States.' }]);
    const heusgen = await screen.findByRole('heading', { name: 'Christoph Heusgen' });
    const second = screen.getByRole('heading', { name: 'Donald Trump' });
    const press = (key: string, options: Record<string, boolean> = {}) => {
      const target = document.activeElement ?? document.body;
      return fireEvent.keyDown(target, { key, ...options });
    };
    // Taken as a move: the browser neither moves the caret nor scrolls.
    expect(press('ArrowDown')).toBe(false);
    expect(document.activeElement).toBe(heusgen);
    press('ArrowDown');
    expect(document.activeElement).toBe(second);
    // Past the last name, ↓ is left to the browser (it scrolls).
    expect(press('ArrowDown')).toBe(true);
    expect(document.activeElement).toBe(second);
    // With a modifier, the key is the browser's or the reader's own (Shift+↓ selects, Alt+↓ opens a list).
    expect(press('ArrowUp', { shiftKey: true })).toBe(true);
    expect(document.activeElement).toBe(second);
    press('ArrowUp');
    expect(document.activeElement).toBe(heusgen);
    press('ArrowUp');
    expect(document.activeElement).toBe(box);
  });

  it('leaves ↓ and ↑ to an input method composing Korean or Japanese in the box', async () => {
    const { box } = await heusgenFoundFromTheBox();
    // ↓ picks among the input method's candidates (北朝鮮, 北朝鮮の…): it is not a move to the names found.
    expect(fireEvent.keyDown(box, { key: 'ArrowDown', isComposing: true })).toBe(true);
    expect(document.activeElement).toBe(box);
  });

  it('keeps the focus in the results when the names under it are replaced by a newer search', async () => {
    const { box, requested } = await heusgenFoundFromTheBox();
    // Typed on, and ↓ at once: the earlier names are still in view while the newer search runs.
    type('trump');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Christoph Heusgen' }));
    const trump = { id: 'donald-trump', name: 'Donald Trump', kind: 'person' } as const;
    (await requested('trump')).answer([{ entity: trump, description: 'President of the United States.' }]);
    const heading = await screen.findByRole('heading', { name: 'Donald Trump' });
    // Not dropped on the page, where ↑ and ↓ no longer move: on the first name now found.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.keyDown(heading, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(box);
  });
});
