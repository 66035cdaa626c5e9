// A single-page app in miniature: renders its view, replaces it on "navigation",
// and adds a paragraph late, as feeds and comment sections do.
const app = document.getElementById('app');
function render(view) {
  const article = document.createElement('article');
  const heading = document.createElement('h2');
  heading.textContent = view.title;
  const body = document.createElement('p');
  body.textContent = view.text;
  article.append(heading, body);
  app.replaceChildren(article);
}
const views = {
  first: { title: 'First view', text: 'Stephen Biegun led the talks in Stockholm.' },
  second: { title: 'Second view', text: 'Human Rights Watch criticized the decision.' },
};
render(views.first);
window.navigateTo = (name) => render(views[name]);
window.addLate = () => {
  document.getElementById('late-slot').textContent = 'Otto Warmbier died months earlier.';
};
window.loadMore = (count) => {
  // A feed that loads a large batch at once, above the story: far more nodes than a change the extension
  // reads piece by piece.
  const items = [];
  for (let index = 1; index < count; index++) items.push(Object.assign(document.createElement('p'), { textContent: `Comment ${index}: plain words.` }));
  items.push(Object.assign(document.createElement('p'), { textContent: 'Kim Jong-un replied last.' }));
  document.getElementById('feed').append(...items);
};
// A feed of many short items that each name someone.
window.loadMentions = (count) => {
  const items = [];
  for (let index = 0; index < count; index++) items.push(Object.assign(document.createElement('p'), { textContent: `Item ${index}: Kim Jong-un.` }));
  document.getElementById('feed').append(...items);
};
// A style changed only through the CSSOM: no DOM change, no event.
window.revealByRule = () => document.styleSheets[0].insertRule('#by-rule { visibility: visible; }', document.styleSheets[0].cssRules.length);
window.editText = () => {
  // A framework updating a text node in place.
  app.querySelector('p').firstChild.data = 'Nothing to see here any more.';
};
// "Read more": the rest of the story was there all along, hidden by a class.
document.getElementById('read-more').addEventListener('click', () => document.getElementById('more').classList.remove('collapsed'));
// Shown without a change of size: only its visibility flips.
document.getElementById('show-spoiler').addEventListener('click', () => document.getElementById('spoiler').classList.remove('veiled'));
