/**
 * A part the page hides with a style is read again when the page shows it,
 * also when only its `visibility` flips (its box does not change, so only a
 * class or style change tells). Class changes elsewhere cost no style check,
 * and nothing is watched once nothing is hidden. The test DOM has no
 * checkVisibility: each hidden element gets one that reads its class.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RevealWatcher, watchForReveal } from '../../entrypoints/content/reveal-watcher';

let watcher: RevealWatcher | undefined;
let checks = 0;

/** A section the page veils with a class; asking whether it is shown is counted. */
function veiledSection(id: string): HTMLElement {
  const section = document.getElementById(id) as HTMLElement;
  section.checkVisibility = () => {
    checks++;
    return !section.classList.contains('veiled');
  };
  return section;
}

const nextFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

beforeEach(() => {
  checks = 0;
  document.body.innerHTML =
    '<nav id="menu" class="closed"></nav><article id="story"><section id="spoiler" class="veiled"><p>Robert R. King</p></section></article>';
});

afterEach(() => {
  watcher?.stop();
  watcher = undefined;
});

describe('watchForReveal', () => {
  it('tells when a class change shows a hidden part, once, and then stops watching', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown);
    const spoiler = veiledSection('spoiler');
    watcher.watch(spoiler);
    document.getElementById('story')?.classList.add('expanded');
    await nextFrame();
    expect(shown).not.toHaveBeenCalled();
    spoiler.classList.remove('veiled');
    await nextFrame();
    expect(shown.mock.calls).toEqual([[spoiler]]);
    const checksWhenShown = checks;
    spoiler.classList.add('veiled');
    spoiler.classList.remove('veiled');
    await nextFrame();
    expect(shown).toHaveBeenCalledTimes(1);
    expect(checks).toBe(checksWhenShown);
  });

  it('asks nothing when a class changes away from every hidden part', async () => {
    const shown = vi.fn();
    watcher = watchForReveal(document, shown);
    watcher.watch(veiledSection('spoiler'));
    const before = checks;
    for (let i = 0; i < 5; i++) document.getElementById('menu')?.classList.toggle('closed');
    await nextFrame();
    expect(checks).toBe(before);
    expect(shown).not.toHaveBeenCalled();
  });

  it('forgets a hidden part the page took away, and tells nothing of it', async () => {
    document.getElementById('story')?.insertAdjacentHTML('beforeend', '<section id="tab" class="veiled"><p>Stephen Biegun</p></section>');
    const shown = vi.fn();
    watcher = watchForReveal(document, shown);
    const spoiler = veiledSection('spoiler');
    watcher.watch(spoiler);
    watcher.watch(veiledSection('tab'));
    spoiler.remove();
    document.body.classList.add('scrolled');
    await nextFrame();
    // Only the part still on the page was asked about, and it is still hidden.
    expect(checks).toBe(1);
    document.body.classList.remove('scrolled');
    await nextFrame();
    expect(checks).toBe(2);
    expect(shown).not.toHaveBeenCalled();
  });
});
