/**
 * A card in a frame of another origin that the browser draws in a process of
 * its own, as Chromium does a frame from another site: such a frame hears
 * nothing when the pointer jumps straight out of it.
 */
import { describe, expect, it } from 'vitest';
import { type PageServer, servePages } from '../../scripts/serve';
import { browsersUnderTest } from './support/browsers-under-test';
import { useExtensionBrowser, waitFor } from './support/extension-browser';

const FRAME_PAGE = 'frame-child.html?own-process';

describe.each(browsersUnderTest())('%s: a frame of another origin', (name) => {
  const e2e = useExtensionBrowser(name);

  it('closes the hover card in the frame when the pointer jumps from it straight onto the page around the frame', async () => {
    const otherOrigin: PageServer = await servePages();
    try {
      await e2e.tab.goto(`${e2e.server.origin}/pages/other-origin-frame.html`);
      await e2e.tab.evaluate((src) => {
        (document.getElementById('other-origin') as HTMLIFrameElement).src = src;
      }, `${otherOrigin.origin}/pages/${FRAME_PAGE}`);
      // The Security Council's mark in the frame, in the frame's coordinates.
      const markInFrame = () =>
        e2e.tab.evaluateInFrame(FRAME_PAGE, () => {
          const range = [...(CSS.highlights.get('peninsula-lens-organisation') ?? [])][0];
          if (!(range instanceof Range)) return null;
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        });
      await waitFor(async () => (await markInFrame().catch(() => null)) !== null, 'the frame to be marked');
      const mark = await markInFrame();
      const frameBox = await e2e.tab.evaluate(() => {
        const frame = document.getElementById('other-origin') as HTMLIFrameElement;
        const box = frame.getBoundingClientRect();
        return { x: box.x + frame.clientLeft, y: box.y + frame.clientTop };
      }, undefined);
      if (!mark) throw new Error('no mark in the frame');
      // What each page hears of the frames' messages (README: what a page can observe).
      const recordMessages = () => {
        const heard: unknown[] = [];
        (window as unknown as { heard: unknown[] }).heard = heard;
        addEventListener('message', (event) => heard.push(event.data));
      };
      await e2e.tab.evaluate(recordMessages, undefined);
      await e2e.tab.evaluateInFrame(FRAME_PAGE, recordMessages);
      const heard = (where: 'top' | 'frame') =>
        where === 'top'
          ? e2e.tab.evaluate(() => (window as unknown as { heard: unknown[] }).heard, undefined)
          : e2e.tab.evaluateInFrame(FRAME_PAGE, () => (window as unknown as { heard: unknown[] }).heard);
      const cardsInFrame = () =>
        e2e.tab.evaluateInFrame(
          FRAME_PAGE,
          () => [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('peninsula-lens-card-')).length,
        );
      await e2e.tab.hover(frameBox.x + mark.x - 3, frameBox.y + mark.y);
      await e2e.tab.hover(frameBox.x + mark.x, frameBox.y + mark.y);
      await waitFor(async () => (await cardsInFrame()) === 1, 'the card to open in the frame');
      // The top page hears of the card a task later; a hand takes longer than that to leave the name. (A move
      // made before it heard is answered at the next move: a moving mouse makes one every few milliseconds.)
      await waitFor(async () => (await heard('top')).length > 0, 'the top page to hear the card opened');
      // One move, from the name onto the top page: the frame itself hears nothing of it in Chromium.
      await e2e.tab.hover(5, 5);
      await waitFor(async () => (await cardsInFrame()) === 0, 'the card in the frame to close', 3000);
      // The frame said its card opened; the top page's script said the pointer was back there.
      expect(await heard('top')).toEqual(['peninsula-lens:hover-card-open']);
      expect(await heard('frame')).toEqual(['peninsula-lens:pointer-outside']);
    } finally {
      await otherOrigin.close();
    }
  });
});
