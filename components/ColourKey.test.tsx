import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubHighlightRegistry } from '../tests/unit/support/fake-highlights';
import { ColourKey } from './ColourKey';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const KINDS = ['organisation', 'state', 'person', 'event', 'document', 'topic'];

describe('ColourKey', () => {
  it('marks each kind’s name with that kind’s highlight and the underline, and takes them away when it goes', async () => {
    const registry = stubHighlightRegistry();
    const { unmount } = render(<ColourKey unmarked={[]} onChange={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Mark:' }).textContent).toBe('Mark:organisationstatepersoneventdocumenttopic');
    for (const kind of KINDS) {
      const ranges = [...(registry.get(`peninsula-lens-${kind}`) ?? [])].map((range) => (range as Range).toString());
      expect(ranges, kind).toEqual([kind]);
    }
    expect(registry.get('peninsula-lens-underline')?.size).toBe(6);
    unmount();
    await waitFor(() => expect([...registry.keys()]).toEqual([]));
  });

  it('ticks the kinds marked, clears those that are not, and tells which box the reader changed', () => {
    stubHighlightRegistry();
    const onChange = vi.fn();
    render(<ColourKey unmarked={['state', 'topic']} onChange={onChange} />);
    const boxes = KINDS.map((kind) => screen.getByRole('checkbox', { name: kind }) as HTMLInputElement);
    expect(boxes.map((box) => box.checked)).toEqual([true, false, true, true, true, false]);
    fireEvent.click(boxes[1] as HTMLInputElement);
    expect(onChange).toHaveBeenLastCalledWith('state', true);
    fireEvent.click(boxes[2] as HTMLInputElement);
    expect(onChange).toHaveBeenLastCalledWith('person', false);
  });

  it('keeps the boxes shut until the background has said which kinds are marked', () => {
    stubHighlightRegistry();
    render(<ColourKey unmarked={undefined} onChange={() => undefined} />);
    for (const kind of KINDS) expect((screen.getByRole('checkbox', { name: kind }) as HTMLInputElement).disabled, kind).toBe(true);
  });
});
