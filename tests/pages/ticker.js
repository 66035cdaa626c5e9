// Replaces the ticker's text node every 150 ms, as news tickers do.
const ticker = document.getElementById('ticker');
let count = 0;
setInterval(() => {
  count += 1;
  ticker.textContent = `North Korea update #${count}`;
}, 150);
