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

// A component that shows the page's own text in a slot, inside a link, inside its own dialog.
customElements.define(
  'slotted-dialog',
  class extends HTMLElement {
    connectedCallback() {
      const shadow = this.attachShadow({ mode: 'open' });
      const dialog = document.createElement('dialog');
      dialog.id = 'shadow-modal';
      const link = document.createElement('a');
      link.href = '#slotted';
      link.append(document.createElement('slot'));
      dialog.append(link);
      shadow.append(dialog);
    }
  },
);
