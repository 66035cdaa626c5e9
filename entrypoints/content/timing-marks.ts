/**
 * Names of the performance marks of a bench build's content script, shared
 * with the bench, which reads them from the page (bench/README.md). Plain
 * constants: bench scripts import them in Node, where timing.ts cannot run.
 */

/** The mark that carries a `BenchTiming` summary in its `detail`. */
export const BENCH_MARK = 'peninsula-lens:timing';

/** The mark set on the content script's first line, before its modules are evaluated (bench/build.ts). */
export const SCRIPT_START_MARK = 'peninsula-lens:script-start';
