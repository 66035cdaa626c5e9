/**
 * What the tests of using the card share: the page they start on
 * (tests/pages/static.html, in a focused window), whose card a card's text
 * is, and waiting for a card to show a name with its facts.
 */
import { beforeAll } from 'vitest';
import entities from '../../../data/entities.json';
import { type E2EContext, waitFor, waitForHighlights } from './extension-browser';

/**
 * True when the card's heading (kind label, then name) is this entity's, as a person reads it (after a
 * way back, on a related entity's card; after the place of a mention stepped to).
 */
export function isCardOf(card: string, entityId: string): boolean {
  const entity = entities.find((candidate) => candidate.id === entityId);
  if (!entity) throw new Error(`no entity ${entityId}`);
  const heading = card
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^← .*? (?=(organisation|state|person|event|document|topic) )/i, '')
    .replace(/ · mention \d+ of \d+/i, '');
  return heading.toLowerCase().startsWith(`${entity.kind} ${entity.name}`.toLowerCase());
}

/**
 * Registers a hook that opens static.html in a focused window before a file's
 * tests, and returns what waits for a card there (it reads the tab `e2e`
 * holds once it is open).
 */
export function useCardOnStaticPage(e2e: E2EContext) {
  beforeAll(async () => {
    // Focus, as a reader's window has it: keys activate buttons, and focus moves with events.
    await e2e.tab.bringToFront();
    await e2e.tab.goto(`${e2e.server.origin}/pages/static.html`);
    await waitForHighlights(e2e.tab, (found) => found.length >= 6, 'the page to be highlighted');
  });

  async function cardShows(text: string): Promise<string> {
    let card = '';
    await waitFor(async () => {
      card = await e2e.tab.cardText();
      return card.includes(text) && card.includes('Source:');
    }, `the card to show ${text}`);
    return card;
  }

  return { cardShows };
}
