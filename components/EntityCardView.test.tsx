import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EntityCard } from '../utils/protocol';
import { EntityCardView } from './EntityCardView';

const card: EntityCard = {
  id: 'christoph-heusgen',
  kind: 'person',
  name: 'Christoph Heusgen',
  description: 'The German Ambassador to the UN.',
  facts: [
    {
      id: 'fact-heusgen-read',
      claim: 'He delivered the Joint Statement in the meeting.',
      quotes: ['The document was delivered in the Security Council meeting.'],
      date: '2020-12',
      attributedTo: { id: 'robert-r-king', name: 'Robert R. King', kind: 'person' },
    },
  ],
  related: [{ id: 'germany', name: 'Germany', kind: 'state' }],
};

afterEach(cleanup);

describe('EntityCardView', () => {
  it('shows the name, kind, description, each fact with its date, source and quote', () => {
    render(<EntityCardView state={{ status: 'ready', card }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Christoph Heusgen' })).toBeTruthy();
    expect(screen.getByText('person')).toBeTruthy();
    expect(screen.getByText('The German Ambassador to the UN.')).toBeTruthy();
    expect(screen.getByText(/He delivered the Joint Statement/).textContent).toContain('December 2020');
    expect(screen.getByText('According to Robert R. King')).toBeTruthy();
    expect(screen.getByText('The document was delivered in the Security Council meeting.').tagName).toBe('BLOCKQUOTE');
  });

  it('opens a related entity and closes on request', () => {
    const onOpenEntity = vi.fn();
    const onClose = vi.fn();
    render(<EntityCardView state={{ status: 'ready', card }} onClose={onClose} onOpenEntity={onOpenEntity} />);
    screen.getByRole('button', { name: 'Germany' }).click();
    expect(onOpenEntity).toHaveBeenCalledWith('germany', 'Germany');
    screen.getByRole('button', { name: 'Close' }).click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says it is looking up, and says clearly when a lookup failed', () => {
    const { rerender } = render(<EntityCardView state={{ status: 'loading', name: 'Heusgen' }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(screen.getByText('Looking up…')).toBeTruthy();
    rerender(
      <EntityCardView
        state={{ status: 'failed', name: 'Heusgen', message: 'The facts could not be looked up: offline' }}
        onClose={() => undefined}
        onOpenEntity={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe('The facts could not be looked up: offline');
  });
});
