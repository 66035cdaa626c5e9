import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
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

  it('writes out a sentence several facts rest on once, and its first words under the facts after it, also those shown on request', () => {
    const context = 'Since the Security Council session in December 2020 was not accessible to the press or public, eight members issued a statement.';
    const facts = Array.from({ length: 5 }, (_, index) => ({
      id: `fact-${index}`,
      claim: `Claim number ${index + 1}.`,
      quotes: [`Quote ${index + 1}.`, context],
    }));
    const { container } = render(
      <EntityCardView state={{ status: 'ready', card: { ...card, facts } }} onClose={() => undefined} onOpenEntity={() => undefined} />,
    );
    const contextQuotes = [...container.querySelectorAll('li')].map((item) => item.querySelectorAll('blockquote')[1]?.textContent);
    expect(contextQuotes).toEqual([context, ...Array(4).fill('Since the Security Council session in December 2020 … (quoted above)')]);
    // Each fact's own sentence is written out in full.
    for (const index of [1, 2, 3, 4, 5]) expect(screen.getByText(`Quote ${index}.`).tagName).toBe('BLOCKQUOTE');
  });

  it('writes out a fact’s first quote, the sentence it was taken from, even when a fact above quotes it too', () => {
    const sentence = 'The December 2020 session was not accessible to the press or the public, and so eight members spoke.';
    const facts = [
      { id: 'fact-a', claim: 'Eight members spoke.', quotes: ['They spoke.', sentence] },
      { id: 'fact-b', claim: 'The session was closed.', quotes: [sentence] },
    ];
    render(<EntityCardView state={{ status: 'ready', card: { ...card, facts } }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(screen.getAllByText(sentence)).toHaveLength(2);
    expect(screen.queryByText(/quoted above/)).toBeNull();
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

  it('is a dialog named by its heading and described by its kind and description, with no landmark of the page’s kind in it', () => {
    render(<EntityCardView state={{ status: 'ready', card }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(screen.queryByRole('banner')).toBeNull();
    const dialog = screen.getByRole('dialog', { name: 'Christoph Heusgen' });
    const describedBy = (dialog.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toEqual(['person', 'The German Ambassador to the UN.']);
  });

  it('shows three facts, and the rest on request, with the related names after them', () => {
    const facts = Array.from({ length: 5 }, (_, index) => ({ id: `fact-${index}`, claim: `Claim number ${index + 1}.`, quotes: [`Quote ${index + 1}.`] }));
    render(<EntityCardView state={{ status: 'ready', card: { ...card, facts } }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    const more = screen.getByText('2 more facts');
    const disclosure = more.closest('details') as HTMLDetailsElement;
    expect(disclosure.open).toBe(false);
    expect(disclosure.querySelectorAll('li')).toHaveLength(2);
    expect(screen.getAllByRole('listitem').filter((item) => !disclosure.contains(item))).toHaveLength(3);
    // Its label says what a press does, folded or open (the card's style shows the one that applies).
    expect(disclosure.querySelector('summary .when-folded')?.textContent).toBe('2 more facts');
    expect(disclosure.querySelector('summary .when-open')?.textContent).toBe('Fewer facts');
    // The facts first, which the card is for; the related names after them, as a "see also" (eleven of them
    // above the facts left two lines of the first fact in view).
    const related = screen.getByRole('navigation', { name: 'Related' });
    expect(related.compareDocumentPosition(more) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    expect(related.compareDocumentPosition(screen.getByText('Claim number 1.')) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
  });

  it('shows every fact of a short card, with no button', () => {
    render(<EntityCardView state={{ status: 'ready', card }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(document.querySelector('details')).toBeNull();
  });

  it('leads back to the mention’s own entity from a related one', () => {
    const onOpenEntity = vi.fn();
    render(
      <EntityCardView
        state={{ status: 'ready', card, backTo: { id: 'un-security-council', name: 'Security Council' } }}
        onClose={() => undefined}
        onOpenEntity={onOpenEntity}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Back to Security Council' }));
    expect(onOpenEntity).toHaveBeenCalledWith('un-security-council', 'Security Council');
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

  it('says where a mention stepped to stands among the page’s, while looking up and after, as part of the dialog’s description', () => {
    const { rerender } = render(
      <EntityCardView state={{ status: 'loading', name: 'Heusgen', place: 'mention 3 of 16' }} onClose={() => undefined} onOpenEntity={() => undefined} />,
    );
    const description = () =>
      (screen.getByRole('dialog').getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(description()).toBe('mention 3 of 16 Looking up…');
    rerender(<EntityCardView state={{ status: 'ready', card, place: 'mention 3 of 16' }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(description()).toBe(`person · mention 3 of 16 ${card.description}`);
    // Opened by pointing, a card says nothing of a place.
    rerender(<EntityCardView state={{ status: 'ready', card }} onClose={() => undefined} onOpenEntity={() => undefined} />);
    expect(screen.queryByText(/mention \d+ of/)).toBeNull();
  });
});
