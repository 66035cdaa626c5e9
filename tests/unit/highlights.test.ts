/**
 * Painting mentions with the CSS Custom Highlight API (stubbed here: the test
 * DOM has no Highlight or CSS.highlights), and finding the mention at a text
 * position.
 */
import matcherEntities from 'virtual:matcher-entities';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMentionHighlights, highlightName, UNDERLINE_BACK_AT, UNDERLINE_HIGHLIGHT, UNDERLINE_LIMIT } from '../../entrypoints/content/highlights';
import { buildMatcher } from '../../utils/matcher/matcher';
import { scanWhole } from '../support/scan-whole';
import { FakeHighlight, kindHighlights as kindHighlightsIn, stubHighlightRegistry } from './support/fake-highlights';

const matcher = buildMatcher(matcherEntities);
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  registry = stubHighlightRegistry();
  document.body.innerHTML = '';
});

const kindHighlights = () => kindHighlightsIn(registry);

function scan(markup: string) {
  document.body.innerHTML = markup;
  return scanWhole(document.body, matcher);
}

describe('createMentionHighlights', () => {
  it('paints each mention in the highlight of its kind, registered under the kind’s name', async () => {
    const highlights = createMentionHighlights();
    const painted = highlights.add(await scan('<p>North Korea, Kim Jong-un and the UN Security Council.</p>'));
    expect(painted.map((mention) => mention.range.toString())).toEqual(['North Korea', 'Kim Jong-un', 'UN Security Council']);
    // Nothing is painted before the flush: each change to a registered highlight restyles the page.
    expect([...registry.keys()]).toEqual([]);
    expect(highlights.at(document.querySelector('p')?.firstChild as Text, 2)?.text).toBe('North Korea');
    highlights.flush(true);
    expect([...registry.keys()].sort()).toEqual([highlightName('organisation'), highlightName('person'), highlightName('state'), UNDERLINE_HIGHLIGHT].sort());
    expect(highlightName('person')).toBe('peninsula-lens-person');
    expect(registry.get('peninsula-lens-state')?.size).toBe(1);
    expect(highlights.count()).toBe(3);
  });

  it('puts its marks back at the next paint when a page script cleared the shared registry', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p>North Korea and Kim Jong-un</p>'));
    highlights.flush(true);
    registry.clear();
    document.body.insertAdjacentHTML('beforeend', '<p>Trump</p>');
    highlights.add(await scanWhole(document.body.lastElementChild as Element, matcher));
    highlights.flush(true);
    const painted = (name: string) => [...(registry.get(name) ?? [])].map((range) => range.toString()).sort();
    expect([...painted(highlightName('state')), ...painted(highlightName('person'))].sort()).toEqual(['Kim Jong-un', 'North Korea', 'Trump']);
    expect(painted(UNDERLINE_HIGHLIGHT)).toEqual(['Kim Jong-un', 'North Korea', 'Trump']);
  });

  it('does not paint a mention twice when its subtree is scanned twice', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p>North <b>Korea</b> and Trump</p>'));
    expect(highlights.add(await scanWhole(document.body, matcher))).toEqual([]);
    expect(highlights.count()).toBe(2);
  });

  it('finds the mention at a text position, across the nodes it spans', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p>Then North <b>Korea</b> spoke.</p>'));
    const [before, bold] = [document.querySelector('p')?.firstChild as Text, document.querySelector('b')?.firstChild as Text];
    expect(highlights.at(before, 5)?.text).toBe('North Korea');
    expect(highlights.at(bold, 2)?.text).toBe('North Korea');
    expect(highlights.at(before, 1)).toBeUndefined();
    expect(highlights.at(document.body, 0)).toBeUndefined();
  });

  it('finds a mention from any node it covers, the middle one of three too', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p>The United Nations <a href="#">Security</a> Council met.</p>'));
    const middle = document.querySelector('a')?.firstChild as Text;
    expect(highlights.at(middle, 3)?.text).toBe('United Nations Security Council');
    highlights.removeWithin([document.querySelector('p') as HTMLElement]);
    expect(highlights.at(middle, 3)).toBeUndefined();
  });

  it('lists every mention in document order', async () => {
    const highlights = createMentionHighlights();
    const mentions = await scan('<p>Trump</p><p>North Korea</p><p>Kim Jong-un</p>');
    highlights.add([mentions[2], mentions[0], mentions[1]].filter((mention) => mention !== undefined));
    expect(highlights.all().map((mention) => mention.text)).toEqual(['Trump', 'North Korea', 'Kim Jong-un']);
  });

  it('lists mentions inside components’ shadow roots where the components stand on the page', async () => {
    document.body.innerHTML = '<p>Trump</p><div id="first"></div><p>Kim Jong-un</p><div id="second"></div><p>Otto Warmbier</p>';
    const shadowText = (id: string, text: string) => {
      const shadow = (document.getElementById(id) as HTMLElement).attachShadow({ mode: 'open' });
      shadow.innerHTML = `<p>${text}</p>`;
    };
    // Attached in the opposite order of their places, so creation order cannot pass for document order.
    shadowText('second', 'Human Rights Watch');
    shadowText('first', 'North Korea');
    const highlights = createMentionHighlights();
    highlights.add((await scanWhole(document.body, matcher)).reverse());
    expect(highlights.all().map((mention) => mention.text)).toEqual(['Trump', 'North Korea', 'Kim Jong-un', 'Human Rights Watch', 'Otto Warmbier']);
  });

  it('lists mentions in components nested inside a component where each stands in its host’s tree', async () => {
    document.body.innerHTML = '<p>Trump</p><div id="outer"></div><p>Otto Warmbier</p>';
    const outer = (document.getElementById('outer') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<div id="inner-a"></div><p>Kim Jong-un</p><div id="inner-b"></div>';
    // The inner components are attached in the opposite order of their places.
    const innerB = (outer.getElementById('inner-b') as HTMLElement).attachShadow({ mode: 'open' });
    innerB.innerHTML = '<p>Human Rights Watch</p>';
    const innerA = (outer.getElementById('inner-a') as HTMLElement).attachShadow({ mode: 'open' });
    innerA.innerHTML = '<p>North Korea</p>';
    const highlights = createMentionHighlights();
    highlights.add((await scanWhole(document.body, matcher)).reverse());
    expect(highlights.all().map((mention) => mention.text)).toEqual(['Trump', 'North Korea', 'Kim Jong-un', 'Human Rights Watch', 'Otto Warmbier']);
  });

  it('unpaints the mentions inside a node, and those whose text left the page', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p id="a">North Korea</p><p id="b">Trump</p><p id="c">Kim Jong-un</p>'));
    document.getElementById('c')?.remove();
    highlights.flush(true);
    highlights.removeWithin([document.getElementById('a') as HTMLElement]);
    expect(highlights.all().map((mention) => mention.text)).toEqual(['Trump']);
    expect(highlights.count()).toBe(1);
    expect(kindHighlights().reduce((sum, highlight) => sum + highlight.size, 0)).toBe(1);
  });

  it('keeps the marks of a part read again whole painted until the reading ends, then drops those not found again', async () => {
    const highlights = createMentionHighlights();
    const [, trump] = highlights.add(await scan('<p id="a">North Korea</p><p id="b">Trump</p><p id="c">Kim Jong-un</p><p id="d">the US</p>'));
    highlights.flush(true);
    const paintedTexts = () =>
      kindHighlights()
        .flatMap((highlight) => [...highlight].map((range) => range.toString()))
        .sort();
    // The page re-renders: one paragraph leaves, one is rewritten in place, two stay as they were.
    document.getElementById('c')?.remove();
    (document.querySelector('#b')?.firstChild as Text).data = 'Nobody';
    // A browser collapses the range of replaced text; the test DOM does not, so it is done by hand.
    trump?.range.collapse(true);
    highlights.beginSweep([document]);
    // What left the page or changed under its mark goes at once; the rest stays painted while the page is read again.
    expect(highlights.count()).toBe(2);
    expect(paintedTexts()).toEqual(['North Korea', 'US']);
    // The reading finds one of them again, and not the other (the page hid it, say).
    highlights.add(await scanWhole(document.getElementById('a') as HTMLElement, matcher));
    highlights.add(await scanWhole(document.getElementById('b') as HTMLElement, matcher));
    highlights.endSweep();
    highlights.flush(true);
    // Found again: kept, not painted twice. Not found again: gone.
    expect(highlights.all().map((mention) => mention.text)).toEqual(['North Korea']);
    expect(paintedTexts()).toEqual(['North Korea']);
  });

  it('paints a mention found again where the page rewrote the text under an old mark', async () => {
    const highlights = createMentionHighlights();
    const [old] = highlights.add(await scan('<p>North Korea</p>'));
    highlights.flush(true);
    // A browser collapses a range whose text is replaced (`text.data = …`); the test DOM does not, so
    // the range is collapsed here by hand. The same words at the same place are then a new mark, not
    // the old one found again.
    (document.querySelector('p')?.firstChild as Text).data = 'North Korea';
    old?.range.collapse(true);
    expect(highlights.add(await scanWhole(document.body, matcher))).toHaveLength(1);
  });

  it('unregisters its highlights on clear, and leaves a highlight another owner registered', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p>North Korea and Trump</p>'));
    highlights.flush(true);
    const foreign = new FakeHighlight();
    registry.set(highlightName('person'), foreign);
    highlights.clear();
    expect([...registry.entries()]).toEqual([[highlightName('person'), foreign]]);
    expect(highlights.count()).toBe(0);
    expect(highlights.all()).toEqual([]);
  });

  // Where one mention ends right where the next begins (Chinese and Japanese have no spaces:
  // 朝鲜安理会), the position between them belongs to the second (Range.isPointInRange is inclusive).
  it('answers the mention that starts at a position, not the one that ends there', async () => {
    const highlights = createMentionHighlights();
    highlights.add(await scan('<p>朝鲜安理会</p>'));
    const text = document.querySelector('p')?.firstChild as Text;
    expect(highlights.at(text, 2)?.text).toBe('安理会');
  });

  describe('the underline', () => {
    const underlined = () => [...(registry.get(UNDERLINE_HIGHLIGHT) ?? [])].map((range) => range.toString()).sort();
    const paragraphs = (count: number) => Array.from({ length: count }, (_, index) => `<p id="p${index}">Kim Jong-un</p>`).join('');

    it('underlines every mark, whatever its kind, and forgets what is unpainted', async () => {
      const highlights = createMentionHighlights();
      highlights.add(await scan('<p>North Korea and Trump</p><div>Kim Jong-un</div>'));
      highlights.flush(true);
      expect(underlined()).toEqual(['Kim Jong-un', 'North Korea', 'Trump']);
      highlights.removeWithin([document.querySelector('div') as Element]);
      expect(underlined()).toEqual(['North Korea', 'Trump']);
    });

    it(`is left out past ${UNDERLINE_LIMIT} marks, and comes back at ${UNDERLINE_BACK_AT} or fewer`, async () => {
      const highlights = createMentionHighlights();
      highlights.add(await scan(paragraphs(UNDERLINE_LIMIT)));
      highlights.flush(true);
      expect(underlined()).toHaveLength(UNDERLINE_LIMIT);
      document.body.insertAdjacentHTML('beforeend', '<p id="extra">Trump</p>');
      highlights.add(await scanWhole(document.getElementById('extra') as Element, matcher));
      highlights.flush(true);
      expect(registry.has(UNDERLINE_HIGHLIGHT)).toBe(false);
      expect(registry.get(highlightName('person'))?.size).toBe(UNDERLINE_LIMIT + 1);
      // Still more than UNDERLINE_BACK_AT: no underline yet, so a page at the limit does not flip it at every change.
      const drop = (count: number) => highlights.removeWithin([...document.querySelectorAll('p')].slice(0, count));
      drop(UNDERLINE_LIMIT + 1 - (UNDERLINE_BACK_AT + 1));
      highlights.flush(true);
      expect(registry.has(UNDERLINE_HIGHLIGHT)).toBe(false);
      // Taking marks away needs no flush to show: neither does the underline coming back.
      drop(UNDERLINE_LIMIT + 1 - UNDERLINE_BACK_AT);
      expect(underlined()).toHaveLength(UNDERLINE_BACK_AT);
      expect(highlights.count()).toBe(UNDERLINE_BACK_AT);
    });

    it('is first drawn when a reading ends, and from then on follows the progress paints', async () => {
      const highlights = createMentionHighlights();
      highlights.add(await scan('<p>North Korea</p><div id="more"></div>'));
      // A progress paint of a long reading: a huge page would have its underline taken away again soon.
      highlights.flush(false);
      expect(registry.has(UNDERLINE_HIGHLIGHT)).toBe(false);
      expect(registry.get(highlightName('state'))?.size).toBe(1);
      highlights.flush(true);
      expect(underlined()).toEqual(['North Korea']);
      const more = document.getElementById('more') as HTMLElement;
      more.innerHTML = '<p>Trump</p>';
      highlights.add(await scanWhole(more, matcher));
      highlights.flush(false);
      expect(underlined()).toEqual(['North Korea', 'Trump']);
    });

    it('is put back when a page script cleared the registry, and unregistered on clear', async () => {
      const highlights = createMentionHighlights();
      highlights.add(await scan('<p>North Korea</p>'));
      highlights.flush(true);
      registry.clear();
      highlights.flush(true);
      expect(underlined()).toEqual(['North Korea']);
      highlights.clear();
      expect(registry.has(UNDERLINE_HIGHLIGHT)).toBe(false);
    });
  });
});
