/**
 * Frames and shadow roots under the extension: a frame filled late, frames
 * the page fills itself and the site switch over them, a frame whose loader
 * wrote a new document, a window the page opened and wrote, and the open
 * shadow roots of web components, defined late or veiling their text.
 */
import { describe, expect, it } from 'vitest';
import { browsersUnderTest } from './support/browsers-under-test';
import { highlightsOn, hoverMention, shareOfHighlightColour, useExtensionBrowser, waitFor, waitForHighlights } from './support/extension-browser';
import { texts } from './support/highlight-texts';

describe.each(browsersUnderTest())('%s: live pages, frames, shadow roots, opt-out', (name) => {
  const e2e = useExtensionBrowser(name);

  it('marks a frame that stayed empty until the page filled it, long after the page loaded', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/frames.html`);
    const inLateFrame = () =>
      e2e.tab.evaluate(() => {
        const frame = document.getElementById('late') as HTMLIFrameElement;
        const registry = (frame.contentWindow as (Window & typeof globalThis) | null)?.CSS.highlights;
        return [...(registry ?? [])]
          .filter(([name]) => name !== 'peninsula-lens-underline')
          .flatMap(([, highlight]) => [...highlight].map(String))
          .join();
      }, undefined);
    await waitFor(async () => (await inLateFrame()) === 'Stephen Biegun', 'the frame filled late to be highlighted');
  });

  it('marks frames, those the page fills itself too, and the site switch turns them off with their page', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/frames.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'North Korea', 'the top page');
    const inFrame = () =>
      e2e.tab.evaluateInFrame('frame-child.html', () =>
        [...CSS.highlights]
          .filter(([name]) => name !== 'peninsula-lens-underline')
          .flatMap(([, highlight]) => [...highlight].map((range) => range.toString()))
          .sort(),
      );
    // The srcdoc frame and the about:blank frame the page wrote share its origin: the page reads their registries.
    const inFramesThePageFilled = () =>
      e2e.tab.evaluate(
        (ids) =>
          ids.map((id) => {
            const frame = document.getElementById(id) as HTMLIFrameElement;
            const registry = (frame.contentWindow as (Window & typeof globalThis) | null)?.CSS.highlights;
            if (!registry) return '';
            return [...registry]
              .filter(([name]) => name !== 'peninsula-lens-underline')
              .flatMap(([, highlight]) => [...highlight].map(String))
              .join();
          }),
        ['srcdoc', 'written'],
      );
    await waitFor(async () => (await inFrame()).join() === 'Kim Jong-un,Security Council', 'the frame to be highlighted');
    await waitFor(
      async () => (await inFramesThePageFilled()).join('|') === 'Christoph Heusgen|Otto Warmbier',
      'the srcdoc frame and the frame the page wrote to be highlighted',
    );
    const popup = await e2e.browser.openPopup('127.0.0.1');
    await popup.clickSwitch();
    await waitFor(
      async () => (await inFrame()).length === 0 && (await highlightsOn(e2e.tab)).length === 0 && (await inFramesThePageFilled()).join('') === '',
      'every frame to be cleared',
    );
    await popup.clickSwitch();
    await waitFor(
      async () => (await inFrame()).length === 2 && (await inFramesThePageFilled()).join('|') === 'Christoph Heusgen|Otto Warmbier',
      'every frame to be highlighted again',
    );
    await popup.close();
  });

  it('opens cards in a frame whose loader wrote a new document into it after the script started, and closes them when the pointer leaves the frame', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/frames.html`);
    // Where the mention is drawn in the frame, in the top page's coordinates.
    const mentionInFrame = () =>
      e2e.tab.evaluate(() => {
        const frame = document.getElementById('rewritten') as HTMLIFrameElement;
        const registry = (frame.contentWindow as (Window & typeof globalThis) | null)?.CSS.highlights;
        // The frame's Range is of the frame's realm, not an instance of this window's Range.
        const range = [...(registry?.get('peninsula-lens-person') ?? [])][0] as Range | undefined;
        if (!range) return null;
        const inFrame = range.getBoundingClientRect();
        const at = frame.getBoundingClientRect();
        return { x: at.x + frame.clientLeft + inFrame.x + inFrame.width / 2, y: at.y + frame.clientTop + inFrame.y + inFrame.height / 2 };
      }, undefined);
    let point: { x: number; y: number } | null = null;
    await waitFor(async () => {
      point = await mentionInFrame();
      return point !== null;
    }, 'the mention in the rewritten frame to be marked');
    if (!point) throw new Error('no mention');
    const { x, y } = point;
    const cardsInFrame = () =>
      e2e.tab.evaluate(
        () =>
          [...((document.getElementById('rewritten') as HTMLIFrameElement).contentDocument?.querySelectorAll('*') ?? [])].filter((element) =>
            element.localName.startsWith('peninsula-lens-card-'),
          ).length,
        undefined,
      );
    await e2e.tab.hover(x - 3, y);
    await e2e.tab.hover(x, y);
    await waitFor(async () => (await cardsInFrame()) === 1, 'the card to open in the rewritten frame');
    // Straight out of the frame onto the top page: the frame sees no more moves, and its card still closes.
    await e2e.tab.hover(5, 5);
    await waitFor(async () => (await cardsInFrame()) === 0, 'the card to close when the pointer left the frame');
  });

  it('leaves alone a window the page opened and wrote itself, which has no site of its own', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/frames.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).join() === 'North Korea', 'the top page');
    const opened = await e2e.tab.evaluate(() => {
      const view = window.open('', 'print-view');
      if (!view) return false;
      view.document.write('<!doctype html><p>A print view that names North Korea.</p>');
      view.document.close();
      (window as unknown as { printView: Window }).printView = view;
      return true;
    }, undefined);
    expect(opened).toBe(true);
    // Time for a content script to start and mark, had it run there.
    await new Promise((done) => setTimeout(done, 1500));
    const marks = await e2e.tab.evaluate(() => {
      const view = (window as unknown as { printView: Window & typeof globalThis }).printView;
      const count = view.CSS.highlights.size;
      view.close();
      return count;
    }, undefined);
    expect(marks).toBe(0);
  });

  it('marks text inside open shadow roots of web components, and opens its card on hover', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/shadow.html`);
    const inShadow = () =>
      e2e.tab.evaluate(() => {
        const root = document.querySelector('news-card')?.shadowRoot;
        return [...CSS.highlights]
          .filter(([name]) => name !== 'peninsula-lens-underline')
          .flatMap(([, highlight]) => [...highlight].filter((range) => range.startContainer.getRootNode() === root).map((range) => range.toString()))
          .sort();
      }, undefined);
    await waitFor(async () => (await inShadow()).join() === 'North Korea,Security Council', 'the shadow root to be highlighted');
    const ranges = await highlightsOn(e2e.tab);
    expect(texts(ranges)).toContain('Human Rights Watch');
    // Painted, not only registered: Firefox paints ::highlight in a shadow tree only from that tree's own styles.
    const inside = ranges.find((range) => range.text === 'North Korea');
    if (!inside) throw new Error('no North Korea in the component');
    expect(await shareOfHighlightColour(e2e.tab, inside, [222, 196, 0], 0.4, [255, 255, 255])).toBeGreaterThan(0.35);
    const card = await hoverMention(e2e.tab, 'North Korea', 'North Korea');
    expect(card).toContain('Source:');
  });

  it('marks the shadow root of a component whose definition loads after the scan', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/shadow.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).includes('Human Rights Watch'), 'the light text');
    expect(texts(await highlightsOn(e2e.tab))).not.toContain('Christoph Heusgen');
    // Defined 3 s after load; custom elements met bare are looked at again 1, 3, 7 and 15 s after the scan.
    await waitForHighlights(e2e.tab, (found) => texts(found).includes('Christoph Heusgen'), 'the late component');
  });

  it('marks text a component veils once the component shows it: the page’s own text in its slot, and its own', async () => {
    await e2e.tab.goto(`${e2e.server.origin}/pages/shadow.html`);
    await waitForHighlights(e2e.tab, (found) => texts(found).includes('Human Rights Watch'), 'the light text');
    const veiled = ['Otto Warmbier', 'Robert R. King'];
    expect(texts(await highlightsOn(e2e.tab)).filter((text) => veiled.includes(text))).toEqual([]);
    const clickInside = (component: string, id: string) =>
      e2e.tab.evaluate(({ host, target }) => document.querySelector(host)?.shadowRoot?.getElementById(target)?.click(), { host: component, target: id });
    const veiledMarked = (expected: string[], what: string) =>
      waitForHighlights(
        e2e.tab,
        (found) =>
          texts(found)
            .filter((text) => veiled.includes(text))
            .join() === expected.join(),
        what,
      );
    // A class changes inside the shadow root: nothing in the document does.
    await clickInside('spoiler-box', 'unveil');
    await veiledMarked(['Otto Warmbier'], 'the slotted text');
    // A box inside the shadow root is ticked: its `change` event does not leave the shadow root.
    await clickInside('spoiler-note', 'tick');
    await veiledMarked(veiled, 'the component’s own text');
  });
});
