// A component with a scrolling box of its own: its scroll events stay in its shadow root.
customElements.define(
  'scroll-box',
  class extends HTMLElement {
    connectedCallback() {
      const shadow = this.attachShadow({ mode: 'open' });
      const box = document.createElement('div');
      box.id = 'box';
      box.style.cssText = 'height: 120px; overflow: auto; border: 1px solid #888888;';
      const lines = Array.from({ length: 6 }, (_, line) => `<p>Plain line ${line}.</p>`).join('');
      box.innerHTML = `${lines}<p id="inside">Human Rights Watch</p>${lines}${lines}`;
      shadow.append(box);
    }
  },
);
