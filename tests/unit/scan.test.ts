/**
 * Reading a page as a reader does: blocks of text that run across inline
 * markup but not across blocks, offsets mapped back to nodes, and a scan that
 * reads only under its root and never writes to the page.
 */
import matcherEntities from 'virtual:matcher-entities';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mentionsInBlocks, visibilityCache } from '../../entrypoints/content/scan';
import { isSkippedElement, locate, type TextBlock, textBlocks } from '../../entrypoints/content/text-blocks';
import { buildMatcher } from '../../utils/matcher/matcher';
import { scanWhole } from '../support/scan-whole';

const matcher = buildMatcher(matcherEntities);

function html(markup: string): HTMLElement {
  document.body.innerHTML = markup;
  return document.body;
}

function blockTexts(root: Node): string[] {
  return [...textBlocks(root)].map((block) => block.text);
}

async function mentionTexts(root: Node): Promise<string[]> {
  return (await scanWhole(root, matcher)).map((mention) => mention.text);
}

function onlyBlock(root: Node): TextBlock {
  const blocks = [...textBlocks(root)];
  expect(blocks).toHaveLength(1);
  return blocks[0] as TextBlock;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('textBlocks', () => {
  it('joins text across inline elements into one block', () => {
    const body = html('<p>Yesterday North <b>Korea</b> <a href="#"><em>said</em></a> so.</p>');
    const block = onlyBlock(body);
    expect(block.text).toBe('Yesterday North Korea said so.');
    expect(block.nodes.map((node) => node.data)).toEqual(['Yesterday North ', 'Korea', ' ', 'said', ' so.']);
    expect(block.starts).toEqual([0, 16, 21, 22, 26]);
  });

  it('does not join text across block elements', async () => {
    expect(blockTexts(html('<p>North</p><p>Korea</p>'))).toEqual(['North', 'Korea']);
    expect(await mentionTexts(document.body)).toEqual([]);
  });

  it('breaks a block around a nested block, and starts a new one after it', () => {
    expect(blockTexts(html('<div>North <p>and</p> Korea</div>'))).toEqual(['North ', 'and', ' Korea']);
    expect(blockTexts(html('<div><span>North</span><div>Korea</div></div>'))).toEqual(['North', 'Korea']);
    expect(blockTexts(html('<ul><li>North</li><li>Korea</li></ul>'))).toEqual(['North', 'Korea']);
    expect(blockTexts(html('<table><tr><td>North</td><td>Korea</td></tr></table>'))).toEqual(['North', 'Korea']);
  });

  it('parts words that meet at an inline element drawn as a box of its own, and reads markup inside a word as one', async () => {
    // Links and chips written without spaces between them, each a box: a menu, a list of tags.
    expect(blockTexts(html('<p><a style="display:inline-block">World</a><a style="display:inline-block">Security Council</a></p>'))).toEqual([
      'World',
      'Security Council',
    ]);
    expect(await mentionTexts(document.body)).toEqual(['Security Council']);
    expect(blockTexts(html('<a><span style="display:block">Asia</span><span style="display:block">North Korea tests</span></a>'))).toEqual([
      'Asia',
      'North Korea tests',
    ]);
    // Inline markup inside a word, or between words with a space, reads on.
    expect(blockTexts(html('<p>No<i>rth Ko</i>rea and <span>Tr</span>ump, <b>North</b> <b>Korea</b></p>'))).toEqual(['North Korea and Trump, North Korea']);
    // A drop cap, or a heading split into a box for each letter, reads as one word.
    expect(blockTexts(html('<p><span style="display:inline-block">N</span>orth Korea</p>'))).toEqual(['North Korea']);
    expect(
      blockTexts(
        html('<h2><span style="display:inline-block">T</span><span style="display:inline-block">r</span><span style="display:inline-block">ump</span></h2>'),
      ),
    ).toEqual(['Trump']);
    // Chinese and Japanese are written without spaces: only a block parts them, as before.
    expect(blockTexts(html('<p><span style="display:inline-block">北</span><span>朝鲜</span></p>'))).toEqual(['北朝鲜']);
    expect(blockTexts(html('<p><span style="display:inline-block">Trump</span>’s <span style="display:inline-block">visit</span></p>'))).toEqual([
      'Trump’s visit',
    ]);
  });

  it('joins text across a comment and across skipped inline content', () => {
    expect(blockTexts(html('<p>North <!-- note -->Korea</p>'))).toEqual(['North Korea']);
    expect(blockTexts(html('<p>North <span hidden>secret</span>Korea</p>'))).toEqual(['North Korea']);
  });

  it('does not read skipped elements or anything inside them', () => {
    const body = html(
      '<script>North Korea</script><style>p{}</style><textarea>North Korea</textarea><code>North Korea</code><pre><b>North Korea</b></pre>' +
        '<div hidden><p>North Korea</p></div><div contenteditable="true"><p>North Korea</p></div>' +
        '<div data-peninsula-lens="off"><section><p>North <b>Korea</b></p></section></div><p>read</p>',
    );
    expect(blockTexts(body)).toEqual(['read']);
  });

  it('decides which elements are skipped', () => {
    const make = (markup: string): Element => {
      html(markup);
      return document.body.firstElementChild as Element;
    };
    expect(isSkippedElement(make('<div contenteditable="false">x</div>'))).toBe(false);
    expect(isSkippedElement(make('<div contenteditable>x</div>'))).toBe(true);
    expect(isSkippedElement(make('<div data-peninsula-lens="on">x</div>'))).toBe(false);
    expect(isSkippedElement(make('<div data-peninsula-lens="off">x</div>'))).toBe(true);
    expect(isSkippedElement(make('<svg><text>x</text></svg>'))).toBe(true);
    expect(isSkippedElement(make('<p>x</p>'))).toBe(false);
  });

  it('reports open shadow roots met on the way, and does not read them as part of the page', () => {
    const body = html('<p>Before</p><div id="host"><span>light</span></div><p>After</p>');
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>North Korea inside</p>';
    const met: ShadowRoot[] = [];
    expect([...textBlocks(body, { onShadowRoot: (found) => met.push(found) })].map((block) => block.text)).toEqual(['Before', 'light', 'After']);
    expect(met).toEqual([shadow]);
  });

  it('yields nothing for an empty root', () => {
    expect(blockTexts(html(''))).toEqual([]);
  });
});

describe('locate', () => {
  const body = (): HTMLElement => html('<p>No<i>rth Ko</i>rea</p>');

  it('maps a start position to the node that holds the character', () => {
    const block = onlyBlock(body());
    const [first, second, third] = block.nodes;
    expect(locate(block, 0, false)).toEqual({ node: first, offset: 0 });
    expect(locate(block, 1, false)).toEqual({ node: first, offset: 1 });
    expect(locate(block, 2, false)).toEqual({ node: second, offset: 0 });
    expect(locate(block, 8, false)).toEqual({ node: third, offset: 0 });
    expect(locate(block, 9, false)).toEqual({ node: third, offset: 1 });
  });

  it('maps an end position at a node boundary to the end of the node before it', () => {
    const block = onlyBlock(body());
    const [first, second, third] = block.nodes;
    expect(locate(block, 2, true)).toEqual({ node: first, offset: 2 });
    expect(locate(block, 8, true)).toEqual({ node: second, offset: 6 });
    expect(locate(block, 11, true)).toEqual({ node: third, offset: 3 });
  });

  it('steps over empty text nodes', () => {
    html('<p>North</p>');
    const paragraph = document.querySelector('p') as HTMLElement;
    paragraph.append(document.createTextNode(''), document.createTextNode(' Korea'));
    const block = onlyBlock(document.body);
    const [first, , third] = block.nodes;
    expect(block.text).toBe('North Korea');
    expect(locate(block, 5, true)).toEqual({ node: first, offset: 5 });
    expect(locate(block, 5, false)).toEqual({ node: third, offset: 0 });
  });
});

describe('scanning a whole part of the page', () => {
  it('gives each mention its start and end nodes and offsets across markup', async () => {
    html('<p>Then No<i>rth Ko</i>rea spoke.</p>');
    const [mention, ...rest] = await scanWhole(document.body, matcher);
    expect(rest).toEqual([]);
    const italic = document.querySelector('i') as HTMLElement;
    const paragraph = document.querySelector('p') as HTMLElement;
    expect(mention).toMatchObject({ entityId: 'north-korea', kind: 'state', text: 'North Korea', startOffset: 5, endOffset: 3 });
    expect(mention?.startNode).toBe(paragraph.firstChild);
    expect(mention?.endNode).toBe(paragraph.lastChild);
    expect(mention?.startNode).not.toBe(italic.firstChild);
  });

  it('reads nothing outside its root', async () => {
    html('<div id="a">North Korea</div><div id="b">UN Security Council</div><p>North <b id="c">Korea</b></p>');
    expect(await mentionTexts(document.getElementById('a') as HTMLElement)).toEqual(['North Korea']);
    expect(await mentionTexts(document.getElementById('b') as HTMLElement)).toEqual(['UN Security Council']);
    expect(await mentionTexts(document.getElementById('c') as HTMLElement)).toEqual([]);
  });

  it('writes nothing to the page', async () => {
    const body = html(
      '<h1>North Korea</h1><p>The <b>UN</b> Security Council met; <i>Kim Jong-un</i> wrote to Trump.</p><div id="host"></div><p>북한은 安理会</p>',
    );
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>North Korea in a shadow</p>';
    const before = body.innerHTML;
    const shadowBefore = shadow.innerHTML;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((found) => records.push(...found));
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    expect((await scanWhole(body, matcher)).length).toBeGreaterThanOrEqual(7);
    await new Promise((resolve) => setTimeout(resolve, 0));
    records.push(...observer.takeRecords());
    observer.disconnect();
    expect(records).toEqual([]);
    expect(body.innerHTML).toBe(before);
    expect(shadow.innerHTML).toBe(shadowBefore);
  });

  it('finds mentions in open shadow roots inside the root', async () => {
    html('<p>North Korea</p><div id="host"></div>');
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Kim Jong-un</p>';
    expect((await scanWhole(document.body, matcher)).map((mention) => [mention.text, mention.startNode.getRootNode() === shadow])).toEqual([
      ['North Korea', false],
      ['Kim Jong-un', true],
    ]);
  });

  it('does not find mentions in closed shadow roots', async () => {
    html('<div id="host"></div>');
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'closed' });
    shadow.innerHTML = '<p>Kim Jong-un</p>';
    expect(await mentionTexts(document.body)).toEqual([]);
  });

  it('skips mentions in elements hidden by CSS', async () => {
    html('<p style="display: none">North Korea</p><p style="visibility: hidden">Kim Jong-un</p><p>UN Security Council</p>');
    expect(await mentionTexts(document.body)).toEqual(['UN Security Council']);
  });
});

describe('mentionsInBlocks and visibilityCache', () => {
  it('drops mentions whose element the visibility check rejects, and keeps the others', () => {
    html('<p>North Korea <span class="off">Kim Jong-un</span> Trump</p>');
    const block = onlyBlock(document.body);
    const mentions = mentionsInBlocks([block], matcher, (element) => !element.classList.contains('off'));
    expect(mentions.map((mention) => mention.text)).toEqual(['North Korea', 'Trump']);
  });

  it('matches several blocks in one pass without letting a mention or its context cross from one to the next', () => {
    html('<p>North</p><p>Korea and the National</p><p>Security Council met Trump</p><p>in the US</p><p>ECONOMY</p>');
    const blocks = [...textBlocks(document.body)];
    expect(blocks.length).toBe(5);
    const mentions = mentionsInBlocks(blocks, matcher, () => true);
    expect(mentions.map((mention) => [mention.text, mention.startNode.parentElement?.textContent])).toEqual([
      ['Security Council', 'Security Council met Trump'],
      ['Trump', 'Security Council met Trump'],
      ['US', 'in the US'],
    ]);
  });

  it('asks the browser about each element once', () => {
    html('<p>x</p>');
    const paragraph = document.querySelector('p') as HTMLElement;
    const check = vi.spyOn(paragraph, 'checkVisibility').mockReturnValue(false);
    const visible = visibilityCache();
    expect(visible(paragraph)).toBe(false);
    expect(visible(paragraph)).toBe(false);
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe('a walk the page interrupts', () => {
  it('reads on to the end when the page replaces the subtree it paused in', () => {
    html('<div id="widget"><div id="slide"><p>one</p><p>two</p></div></div><p>North Korea</p><p>Kim Jong-un</p>');
    const walk = textBlocks(document.body);
    expect(walk.next().value?.text).toBe('one');
    // Between two slices, a carousel re-renders the slide the walk is in.
    const slide = document.getElementById('slide') as HTMLElement;
    slide.replaceWith(slide.cloneNode(true));
    const rest = [...walk].map((block) => block.text);
    expect(rest).toContain('North Korea');
    expect(rest).toContain('Kim Jong-un');
  });

  it('reads again only the part whose children the page replaced, and reads on after it', () => {
    html('<p>before</p><div id="live"><p>a</p><p>b</p></div><p>Kim Jong-un visited.</p>');
    let task = 0;
    const walk = textBlocks(document.body, { currentTask: () => task });
    expect([walk.next().value?.text, walk.next().value?.text]).toEqual(['before', 'a']);
    // Between two slices, a ticker re-renders its children.
    task++;
    (document.getElementById('live') as HTMLElement).innerHTML = '<p>c</p><p>d</p>';
    expect([...walk].map((block) => block.text)).toEqual(['c', 'd', 'Kim Jong-un visited.']);
  });

  it('reads past a part the page re-renders at every pause, and past one it empties', () => {
    html('<div id="live"><p>a</p><p>b</p></div><div id="gone"><p>e</p><p>f</p></div><p>Kim Jong-un visited.</p>');
    const live = document.getElementById('live') as HTMLElement;
    let task = 0;
    const walk = textBlocks(document.body, { currentTask: () => task });
    const read: string[] = [];
    for (let next = walk.next(); !next.done; next = walk.next()) {
      read.push(next.value.text);
      task++;
      if (read.length <= 4) live.innerHTML = '<p>a</p><p>b</p>';
      else if (next.value.text === 'e') (document.getElementById('gone') as HTMLElement).replaceChildren();
    }
    expect(read.at(-1)).toBe('Kim Jong-un visited.');
    expect(read).not.toContain('f');
  });

  it('does not wander out of its root when the page moves the subtree it paused in', () => {
    html('<section id="root"><div id="moving"><p>one</p><p>two</p></div><p>Trump</p></section><div data-x="outside"><p>North Korea</p></div>');
    const root = document.getElementById('root') as HTMLElement;
    const walk = textBlocks(root);
    expect(walk.next().value?.text).toBe('one');
    document.querySelector('[data-x="outside"]')?.prepend(document.getElementById('moving') as HTMLElement);
    const rest = [...walk].map((block) => block.text);
    expect(rest).toContain('Trump');
    expect(rest).not.toContain('North Korea');
    expect(rest).not.toContain('two');
  });

  it('checks where it stands only when resumed in a later task, and then knows its ancestors afresh', () => {
    html('<section id="root"><p>one</p><p id="paused">two</p><p>three</p></section>');
    const root = document.getElementById('root') as HTMLElement;
    const contains = vi.spyOn(root, 'contains');
    let task = 0;
    const walk = textBlocks(root, { currentTask: () => task });
    expect(walk.next().value?.text).toBe('one');
    expect(walk.next().value?.text).toBe('two');
    // No page code ran between the two: nothing to check.
    expect(contains).not.toHaveBeenCalled();
    // Between two tasks, the page wraps the paragraph the walk paused at in a block, with text after it.
    task++;
    const paused = document.getElementById('paused') as HTMLElement;
    const wrapper = document.createElement('div');
    paused.replaceWith(wrapper);
    wrapper.append(paused, 'Kim ');
    wrapper.after('Jong-un');
    const rest = [...walk].map((found) => found.text);
    expect(contains).toHaveBeenCalled();
    // Leaving the new block ends a phrase: "Kim " and "Jong-un" are not one mention.
    expect(rest).toEqual(['Kim ', 'Jong-un', 'three']);
  });
});

describe('a walk resumed after the page took a part out of reading', () => {
  /** Reads the first block, lets `change` run as the page would between two tasks, then reads the rest. */
  function readAcross(change: () => void, root: Node = document.body): string[] {
    let task = 0;
    const walk = textBlocks(root, { currentTask: () => task });
    const read = [walk.next().value?.text ?? ''];
    task++;
    change();
    for (const block of walk) read.push(block.text);
    return read;
  }

  it('leaves unread the rest of a part around it that the page opted out, and reads on after that part', () => {
    html('<div id="region"><p>one</p><p>North Korea</p><div><p>Kim Jong-un</p></div></div><p>Trump</p>');
    expect(readAcross(() => document.getElementById('region')?.setAttribute('data-peninsula-lens', 'off'))).toEqual(['one', 'Trump']);
  });

  it('does not enter the block it stood at when the page made it editable', () => {
    // The walk pauses on meeting the editor, with "one" read before it in the same section.
    html('<section>one<div id="editor"><p>North Korea</p></div></section><p>Trump</p>');
    expect(readAcross(() => document.getElementById('editor')?.setAttribute('contenteditable', 'true'))).toEqual(['one', 'Trump']);
  });

  it('ends when the page takes its root, or anything around it, out of reading (an editor mounting on a part being read)', () => {
    html('<main id="main"><div id="part"><p>one</p><p>North Korea</p><p>Kim Jong-un</p></div></main>');
    const part = document.getElementById('part') as HTMLElement;
    expect(readAcross(() => part.setAttribute('contenteditable', 'true'), part)).toEqual(['one']);
    part.removeAttribute('contenteditable');
    expect(readAcross(() => document.getElementById('main')?.setAttribute('data-peninsula-lens', 'off'), part)).toEqual(['one']);
  });

  it('reads nothing of a root taken out of reading before the walk began (queued, then made editable)', () => {
    html('<div id="part" contenteditable="true"><p>North Korea</p></div>');
    expect([...textBlocks(document.getElementById('part') as HTMLElement)]).toEqual([]);
    document.documentElement.setAttribute('hidden', '');
    try {
      expect([...textBlocks(document.documentElement)]).toEqual([]);
    } finally {
      document.documentElement.removeAttribute('hidden');
    }
  });

  it('ends in a component whose host the page opts out', () => {
    html('<x-card id="host"></x-card>');
    const host = document.getElementById('host') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>one</p><p>North Korea</p><p>Kim Jong-un</p>';
    expect(readAcross(() => host.setAttribute('data-peninsula-lens', 'off'), shadow)).toEqual(['one']);
  });

  it('climbs out of a hidden part it was leaving, past the rest of it', () => {
    html('<section id="outer"><div><p>one</p></div><p>North Korea</p></section><p>Trump</p>');
    // The walk pauses as it leaves the inner <div>; the page hides the section around it.
    expect(readAcross(() => document.getElementById('outer')?.setAttribute('hidden', ''))).toEqual(['one', 'Trump']);
  });
});

describe('ruby annotations', () => {
  it('reads a name written with furigana as one phrase, without the readings', async () => {
    html('<p><ruby>北<rt>きた</rt></ruby><ruby>朝鮮<rp>(</rp><rt>ちょうせん</rt><rp>)</rp></ruby>の発表</p>');
    expect(await mentionTexts(document.body)).toEqual(['北朝鮮']);
  });
});

describe('line-break opportunities', () => {
  // <wbr> marks where a long word may wrap ("Sicherheits<wbr>rat"); the phrase still reads as one.
  it('reads a phrase with a <wbr> line-break opportunity inside it as one phrase', async () => {
    html('<p>Der Sicherheits<wbr>rat und North <wbr>Korea</p>');
    expect(await mentionTexts(document.body)).toEqual(['Sicherheitsrat', 'North Korea']);
  });
});
