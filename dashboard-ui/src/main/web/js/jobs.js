// Following a job (backtest, optimisation, ingestion) until it ends, with a progress bar.
import {get} from './api.js';
import {h} from './dom.js';
import {t} from './i18n.js';

const ENDED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED', 'PAUSED']);

export const ended = job => ENDED.has(job.status);

/**
 * Polls `path` until the job has ended or `signal` aborts (the user left the page), calling
 * onUpdate with each state; resolves with the last one.
 */
export async function follow(path, {onUpdate, signal, interval = 600}) {
  for (;;) {
    const job = await get(path);
    if (signal?.aborted) return job;
    onUpdate?.(job);
    if (ended(job)) return job;
    await new Promise(resolve => setTimeout(resolve, interval));
  }
}

/** A job's percent done: backtests say progress, ingestion jobs percent (both 0-100). */
export function percent(job) {
  const p = job.progress ?? job.percent ?? 0;
  return job.status === 'SUCCEEDED' ? 100 : Math.max(0, Math.min(100, p));
}

/** A progress bar with the job's status and message. */
export function progressView(job) {
  const p = percent(job);
  return h('div', {class: `job job-${String(job.status).toLowerCase()}`, dataset: {status: job.status}},
    h('progress', {max: 100, value: p}),
    h('span', {class: 'status'}, `${t(`status.${job.status}`)} · ${p.toFixed(0)}%`),
    job.message ? h('span', {class: 'note'}, ` ${job.message}`) : null);
}
