// A web component whose text lives in an open shadow root.
customElements.define(
  'news-card',
  class extends HTMLElement {
    connectedCallback() {
      const shadow = this.attachShadow({ mode: 'open' });
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Inside the component: the Security Council and North Korea.';
      shadow.append(paragraph);
    }
  },
);

const VEIL_STYLE = '.veiled { visibility: hidden; } #tick:checked ~ .veiled { visibility: visible; }';

function veilStyle() {
  const style = document.createElement('style');
  style.textContent = VEIL_STYLE;
  return style;
}

// A component that veils the page's own text it shows in its slot, with its own style: a button
// inside it unveils the text (a class changes in the shadow root, nothing in the document).
customElements.define(
  'spoiler-box',
  class extends HTMLElement {
    connectedCallback() {
      const shadow = this.attachShadow({ mode: 'open' });
      const wrapper = document.createElement('div');
      wrapper.className = 'veiled';
      wrapper.append(document.createElement('slot'));
      const button = document.createElement('button');
      button.id = 'unveil';
      button.textContent = 'Show';
      button.addEventListener('click', () => wrapper.classList.remove('veiled'));
      shadow.append(veilStyle(), wrapper, button);
    }
  },
);

// A component that veils its own text until a box inside it is ticked: only the box's state changes.
customElements.define(
  'spoiler-note',
  class extends HTMLElement {
    connectedCallback() {
      const shadow = this.attachShadow({ mode: 'open' });
      const tick = document.createElement('input');
      tick.type = 'checkbox';
      tick.id = 'tick';
      const own = document.createElement('p');
      own.className = 'veiled';
      own.textContent = 'Robert R. King spoke next.';
      shadow.append(veilStyle(), tick, own);
    }
  },
);

// A component whose definition arrives late (a lazily loaded module): its shadow root is attached
// after the extension's first scan, with no change the page's observers could see.
setTimeout(() => {
  customElements.define(
    'late-card',
    class extends HTMLElement {
      connectedCallback() {
        const paragraph = document.createElement('p');
        paragraph.textContent = 'Loaded late: Christoph Heusgen.';
        this.attachShadow({ mode: 'open' }).append(paragraph);
      }
    },
  );
}, 3000);
