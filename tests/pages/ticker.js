// Writes the ticker's text anew (a new text node), as news tickers do: every 150 ms, or, with ?still in
// the address, only when a test calls tick().
const ticker = document.getElementById('ticker');
let count = 0;
window.tick = () => {
  count += 1;
  ticker.textContent = `North Korea update #${count}`;
};
if (!new URLSearchParams(location.search).has('still')) setInterval(window.tick, 150);
