/**
 * Runs a regular expression over a text in a worker thread, with a time
 * limit. A pattern that backtracks catastrophically holds the thread that
 * runs it; on the test's own thread it would hang the test run instead of
 * failing it.
 */
import { Worker } from 'node:worker_threads';

/** The worker: every place where the expression matches, as a list of `lastIndex` values. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const pattern = new RegExp(workerData.source, workerData.flags);
const places = [];
for (let match = pattern.exec(workerData.text); match; match = pattern.exec(workerData.text)) {
  places.push(match.index);
  if (match[0] === '') pattern.lastIndex++;
}
parentPort.postMessage(places);
`;

/** The places `pattern` matches in `text`, or a rejection when that takes longer than `limitMs`. */
export function matchPlacesWithin(pattern: RegExp, text: string, limitMs: number): Promise<number[]> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { source: pattern.source, flags: pattern.flags, text } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`/${pattern.source.slice(0, 60)}…/ did not finish within ${limitMs} ms over ${text.length} characters`));
    }, limitMs);
    worker.once('message', (places: number[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(places);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
