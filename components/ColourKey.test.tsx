import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubHighlightRegistry } from '../tests/unit/support/fake-highlights';
import { ColourKey } from './ColourKey';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ColourKey', () => {
  it('marks each kind’s name with that kind’s highlight and the underline, and takes them away when it goes', async () => {
    const registry = stubHighlightRegistry();
    const { unmount } = render(<ColourKey />);
    expect(screen.getByRole('region', { name: 'What the colours mean' }).textContent).toBe('Marks:organisationstatepersoneventdocumenttopic');
    for (const kind of ['organisation', 'state', 'person', 'event', 'document', 'topic']) {
      const ranges = [...(registry.get(`peninsula-lens-${kind}`) ?? [])].map((range) => (range as Range).toString());
      expect(ranges, kind).toEqual([kind]);
    }
    expect(registry.get('peninsula-lens-underline')?.size).toBe(6);
    unmount();
    await waitFor(() => expect([...registry.keys()]).toEqual([]));
  });
});
