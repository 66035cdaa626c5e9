/** The texts of highlighted ranges, sorted: what the live-pages tests compare. */
export const texts = (ranges: { text: string }[]) => ranges.map((range) => range.text).sort();
