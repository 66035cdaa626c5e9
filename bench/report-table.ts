/**
 * The bench's fixed-column table: a page a row, then a median and a total
 * row, and the number formats its cells use (the rest of the report prints
 * numbers the same way). Column meanings: bench/README.md.
 */
import { median, type PageResult, ratio, sum } from './results';

/** Milliseconds with as many decimals as the size allows (3 significant figures, at most 2 decimals). */
export function ms(value: number | null): string {
  if (value === null) return '-';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function times(value: number | null): string {
  if (value === null) return '-';
  if (value < 10) return `${value.toFixed(2)}x`;
  if (value < 100) return `${value.toFixed(1)}x`;
  return `${value.toFixed(0)}x`;
}

export function count(value: number | null): string {
  return value === null ? '-' : String(Math.round(value));
}

function kilo(value: number | null): string {
  return value === null ? '-' : (value / 1024).toFixed(value < 10 * 1024 ? 1 : 0);
}

type Row = {
  label: string;
  nodes: number | null;
  chars: number | null;
  a: number | null;
  a2: number | null;
  compile: number | null;
  b: number | null;
  matcher: number | null;
  startupWall: number | null;
  scan: number | null;
  longest: number | null;
  ttfh: number | null;
  done: number | null;
  frames: number | null;
  heap: number | null;
  ba: number | null;
  ba2: number | null;
  c: number | null;
  cEstimated: boolean;
  cTask: number | null;
  cb: number | null;
  ours: number | null;
  markjs: number | null;
  regex: number | null;
  planted: number | null;
};

type Column = { title: string; group: string; width: number; cell: (row: Row) => string };

const approx = (row: Row, text: string): string => (row.cEstimated && text !== '-' ? `~${text}` : text);

const COLUMNS: Column[] = [
  { group: '', title: 'page', width: 13, cell: (row) => row.label },
  { group: '', title: 'nodes', width: 7, cell: (row) => count(row.nodes) },
  { group: '', title: 'textkB', width: 7, cell: (row) => kilo(row.chars) },
  { group: 'floors ms', title: 'a:walk', width: 8, cell: (row) => ms(row.a) },
  { group: '', title: "a':+re", width: 8, cell: (row) => ms(row.a2) },
  { group: '', title: 're-cmp', width: 7, cell: (row) => ms(row.compile) },
  { group: 'ours ms', title: 'b:ours', width: 8, cell: (row) => ms(row.b) },
  { group: '', title: 'matchr', width: 7, cell: (row) => ms(row.matcher) },
  { group: '', title: 'st-wall', width: 8, cell: (row) => ms(row.startupWall) },
  { group: '', title: 'scan', width: 7, cell: (row) => ms(row.scan) },
  { group: '', title: 'lngst', width: 6, cell: (row) => ms(row.longest) },
  { group: '', title: 'ttfh', width: 7, cell: (row) => ms(row.ttfh) },
  { group: '', title: 'done', width: 7, cell: (row) => ms(row.done) },
  { group: '', title: 'LoAF', width: 5, cell: (row) => count(row.frames) },
  { group: '', title: 'heapkB', width: 7, cell: (row) => kilo(row.heap) },
  { group: 'ratios', title: 'b/a', width: 7, cell: (row) => times(row.ba) },
  { group: '', title: "b/a'", width: 7, cell: (row) => times(row.ba2) },
  { group: 'mark.js ms', title: 'c:markjs', width: 10, cell: (row) => approx(row, ms(row.c)) },
  { group: '', title: 'c-task', width: 9, cell: (row) => approx(row, ms(row.cTask)) },
  { group: '', title: 'c/b', width: 8, cell: (row) => approx(row, times(row.cb)) },
  { group: 'matches', title: 'ours', width: 6, cell: (row) => count(row.ours) },
  { group: '', title: 'markjs', width: 7, cell: (row) => count(row.markjs) },
  { group: '', title: 'regex', width: 6, cell: (row) => count(row.regex) },
  { group: '', title: 'plant', width: 6, cell: (row) => count(row.planted) },
];

function line(cells: string[]): string {
  return COLUMNS.map((column, index) => {
    const text = cells[index] ?? '';
    return index === 0 ? text.padEnd(column.width) : text.padStart(column.width);
  })
    .join('')
    .trimEnd();
}

function rowOf(page: PageResult): Row {
  return {
    label: page.id,
    nodes: page.textNodes,
    chars: page.textChars,
    a: page.floorMs,
    a2: page.regexMs,
    compile: page.regexCompileMs,
    b: page.wholeMs,
    matcher: page.matcherMs,
    startupWall: page.startupWallMs,
    scan: page.scanMs,
    longest: page.longestTaskMs,
    ttfh: page.firstHighlightMs,
    done: page.doneMs,
    frames: page.frames,
    heap: page.heapAddedBytes,
    ba: ratio(page.wholeMs, page.floorMs),
    ba2: ratio(page.wholeMs, page.regexMs),
    c: page.markjs?.ms ?? null,
    cEstimated: page.markjs?.estimated ?? false,
    cTask: page.markjs?.longestTaskMs ?? null,
    cb: ratio(page.markjs?.ms ?? null, page.wholeMs),
    ours: page.highlights,
    markjs: page.markjs?.marks ?? null,
    regex: page.regexMatches,
    planted: page.planted,
  };
}

function medianRow(rows: Row[]): Row {
  const pick = (get: (row: Row) => number | null): number | null => median(rows.map(get).filter((value): value is number => value !== null));
  return {
    label: 'median',
    nodes: pick((row) => row.nodes),
    chars: pick((row) => row.chars),
    a: pick((row) => row.a),
    a2: pick((row) => row.a2),
    compile: pick((row) => row.compile),
    b: pick((row) => row.b),
    matcher: pick((row) => row.matcher),
    startupWall: pick((row) => row.startupWall),
    scan: pick((row) => row.scan),
    longest: pick((row) => row.longest),
    ttfh: pick((row) => row.ttfh),
    done: pick((row) => row.done),
    frames: pick((row) => row.frames),
    heap: pick((row) => row.heap),
    ba: pick((row) => row.ba),
    ba2: pick((row) => row.ba2),
    c: pick((row) => row.c),
    cEstimated: rows.some((row) => row.cEstimated),
    cTask: pick((row) => row.cTask),
    cb: pick((row) => row.cb),
    ours: null,
    markjs: null,
    regex: null,
    planted: null,
  };
}

function totalRow(rows: Row[]): Row {
  const total = (get: (row: Row) => number | null): number | null => sum(rows.map(get));
  const a = total((row) => row.a);
  const a2 = total((row) => row.a2);
  const b = total((row) => row.b);
  const c = total((row) => row.c);
  return {
    label: 'total',
    nodes: total((row) => row.nodes),
    chars: total((row) => row.chars),
    a,
    a2,
    compile: null,
    b,
    matcher: total((row) => row.matcher),
    startupWall: null,
    scan: total((row) => row.scan),
    longest: null,
    ttfh: null,
    done: null,
    frames: total((row) => row.frames),
    heap: null,
    ba: ratio(b, a),
    ba2: ratio(b, a2),
    c,
    cEstimated: rows.some((row) => row.cEstimated),
    cTask: null,
    cb: ratio(c, b),
    ours: total((row) => row.ours),
    markjs: null,
    regex: total((row) => row.regex),
    planted: null,
  };
}

/** The table's lines: the column groups and titles, a row a page, a rule, then the median and total rows. */
export function tableLines(pages: PageResult[]): string[] {
  const rows = pages.map(rowOf);
  return [
    line(COLUMNS.map((column) => column.group)),
    line(COLUMNS.map((column) => column.title)),
    ...rows.map((row) => line(COLUMNS.map((column) => column.cell(row)))),
    line(COLUMNS.map((column) => '-'.repeat(column.width - 1))),
    line(COLUMNS.map((column) => column.cell(medianRow(rows)))),
    line(COLUMNS.map((column) => column.cell(totalRow(rows)))),
  ];
}
