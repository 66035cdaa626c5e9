// Writes the ticker's text anew (a new text node), as news tickers do: every 150 ms, or, with ?still in
// the address, only when a test calls tick().
const ticker = document.getElementById('ticker');
let count = 0;
/** The ticker's next item: about North Korea unless a test names another. */
window.tick = (name = 'North Korea') => {
  count += 1;
  ticker.textContent = `${name} update #${count}`;
};
if (!new URLSearchParams(location.search).has('still')) setInterval(window.tick, 150);
