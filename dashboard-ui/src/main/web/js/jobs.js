// Following a job (backtest, optimisation, ingestion) until it ends, with a progress bar.
import {get} from './api.js';
import {h} from './dom.js';
import {t} from './i18n.js';
import {show, error} from './states.js';

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

/**
 * Shows render(list) in `slot` for the jobs load() answers, loading them again every `interval`
 * ms while one of them has not ended and the page is open (`signal` not aborted); a failure
 * shows as an error in the slot.
 */
export async function keepFresh(slot, {load, render, signal, interval = 2000}) {
  if (signal?.aborted) return;
  try {
    const list = await load();
    if (signal?.aborted) return;
    show(slot, render(list));
    if (list.some(j => !ended(j))) setTimeout(() => keepFresh(slot, {load, render, signal, interval}), interval);
  } catch (e) {
    if (!signal?.aborted) show(slot, error(e));
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
