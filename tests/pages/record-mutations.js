// Installed by the page before any extension runs: records every mutation
// after the parser is done (its own insertions are not changes), and the
// page's HTML at that moment, so a test can prove nothing changed since.
window.__mutations = [];
const observer = new MutationObserver((records) => {
  for (const record of records) window.__mutations.push(`${record.type} on ${record.target.nodeName}`);
});
document.addEventListener('DOMContentLoaded', () => {
  window.__initialHtml = document.documentElement.outerHTML;
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
});
