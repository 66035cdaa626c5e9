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
