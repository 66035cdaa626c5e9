/**
 * The annotator and the parts and pages that opt out: a part made editable,
 * hidden or opted out, an opt-out <meta> in the head or the body, early or
 * late, the root element's opt-out, and a page turned into an editor; each
 * marked again once that ends. (Highlights are stubbed: support/annotator-page.ts.)
 */
import { describe, expect, it } from 'vitest';
import { type Annotator, startAnnotator } from '../../entrypoints/content/annotator';
import { matcher, painted, settle, useAnnotatorPage } from './support/annotator-page';

let annotator: Annotator | undefined;
useAnnotatorPage(() => annotator);

describe('startAnnotator', () => {
  it('takes the marks from a part the page makes editable, hides or opts out later, and gives them back after', async () => {
    document.body.innerHTML = '<div id="note"><p>North Korea</p></div><p>Kim Jong-un</p>';
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    const note = document.getElementById('note') as HTMLElement;
    for (const [name, value] of [
      ['contenteditable', 'true'],
      ['hidden', ''],
      ['data-peninsula-lens', 'off'],
    ]) {
      note.setAttribute(name as string, value as string);
      await settle();
      expect(painted()).toEqual(['Kim Jong-un']);
      note.removeAttribute(name as string);
      await settle();
      expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    }
  });

  it('leaves a page that opts out with a <meta> after the start, and comes back when the <meta> goes', async () => {
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea']);
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.head.append(meta);
    await settle();
    expect(painted()).toEqual([]);
    // Nothing new is read while the page is closed.
    document.body.insertAdjacentHTML('beforeend', '<p>Kim Jong-un</p>');
    await settle();
    expect(painted()).toEqual([]);
    meta.content = 'on';
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    meta.content = 'off';
    await settle();
    expect(painted()).toEqual([]);
    meta.remove();
    await settle();
    expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
  });

  /** Starts on a page that holds `meta`: nothing is marked while it is there, and the page is once it goes. */
  async function expectLeftAloneUntilGone(meta: HTMLMetaElement): Promise<void> {
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual([]);
    meta.remove();
    await settle();
    expect(painted()).toEqual(['North Korea']);
  }

  it('marks nothing on a page that opted out between the script’s first look and the site’s answer', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.head.append(meta);
    await expectLeftAloneUntilGone(meta);
  });

  // README: a page opts out with the <meta> "in its <head>, or anywhere in the document"; a CMS may only let an
  // author write into the body, and parsers leave a <meta> that comes late in the body.
  it('leaves a page alone whose opt-out <meta> is in the body from the start, and marks it once the <meta> goes', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    const part = document.createElement('div');
    part.append(meta);
    document.body.append(part);
    await expectLeftAloneUntilGone(meta);
  });

  it('leaves a page when an opt-out <meta> is added to its body later, and comes back when it goes', async () => {
    annotator = startAnnotator(document, matcher);
    await settle();
    expect(painted()).toEqual(['North Korea']);
    const meta = Object.assign(document.createElement('meta'), { name: 'peninsula-lens', content: 'off' });
    document.body.append(meta);
    await settle();
    expect(painted()).toEqual([]);
    meta.remove();
    await settle();
    expect(painted()).toEqual(['North Korea']);
  });

  it('comes back when the root element’s opt-out goes, though a <meta> changed while it was there', async () => {
    annotator = startAnnotator(document, matcher);
    await settle();
    document.documentElement.setAttribute('data-peninsula-lens', 'off');
    // A single-page app rewriting its social tags on every route.
    document.head.append(Object.assign(document.createElement('meta'), { name: 'og:title', content: 'Story' }));
    await settle();
    expect(painted()).toEqual([]);
    document.documentElement.removeAttribute('data-peninsula-lens');
    await settle();
    expect(painted()).toEqual(['North Korea']);
  });

  it('leaves a page turned into an editor (designMode) at its next change, and comes back when it is turned off', async () => {
    // The test DOM has no designMode; a property stands in for it.
    Object.defineProperty(document, 'designMode', { value: 'off', writable: true, configurable: true });
    try {
      annotator = startAnnotator(document, matcher);
      await settle();
      expect(painted()).toEqual(['North Korea']);
      Object.assign(document, { designMode: 'on' });
      // Setting designMode leaves no trace in the DOM; typing into the page does.
      document.querySelector('p')?.append(' and Kim Jong-un');
      await settle();
      expect(painted()).toEqual([]);
      Object.assign(document, { designMode: 'off' });
      document.querySelector('p')?.append('.');
      await settle();
      expect(painted()).toEqual(['Kim Jong-un', 'North Korea']);
    } finally {
      Reflect.deleteProperty(document, 'designMode');
    }
  });
});
