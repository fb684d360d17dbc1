/** A worker thread of the site gate: checks its share of the pages and posts the verdicts back. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkPages, type PagesJob } from './check-pages.ts';

parentPort!.postMessage(checkPages(workerData as PagesJob));
