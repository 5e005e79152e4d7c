// A training request's form (POST /api/models/train), the request body built from it, a job's
// progress (epoch, step, losses, samples/s, ETA, with Cancel) and the list of training jobs.
import {h, field, select, numberOrUndefined, list} from '../dom.js';
import {t} from '../i18n.js';
import {dataTable} from '../table.js';
import {ended, progressView} from '../jobs.js';
import {duration, instant, num} from '../format.js';

export const PRESETS = ['small', 'brief'];
export const DEVICES = ['auto', 'cpu', 'gpu'];
/** What the form shows first: a short CPU run; empty fields take the service's defaults. */
export const DEFAULTS = {preset: 'small', epochs: 5, device: 'auto', seed: 42};

/** The fields, filled from `values` (a training request). */
export function trainFields(values = DEFAULTS) {
  const input = (name, attrs) => h('input', {name, value: values[name] ?? '', ...attrs});
  const number = (name, attrs) => input(name, {type: 'number', step: 'any', size: 8, placeholder: t('backtest.default'), ...attrs});
  return [
    field(t('models.preset'), select('preset', PRESETS.map(p => [p, t(`preset.${p}`)]), values.preset ?? 'small')),
    field(t('models.epochs'), number('epochs', {min: 1, max: 1000, step: 1})),
    field(t('models.batchSize'), number('batchSize', {min: 1, step: 1})),
    field(t('models.learningRate'), number('learningRate', {min: 0})),
    field(t('models.device'), select('device', DEVICES.map(d => [d, t(`device.${d}`)]), values.device ?? 'auto')),
    field(t('backtest.start'), input('startDate', {type: 'date'})),
    field(t('backtest.end'), input('endDate', {type: 'date'})),
    field(t('models.validStart'), input('validStart', {type: 'date', title: t('models.splitHint')})),
    field(t('models.testStart'), input('testStart', {type: 'date', title: t('models.splitHint')})),
    field(t('models.seed'), number('seed', {step: 1})),
    field(t('models.patience'), number('patience', {min: 1, step: 1})),
    field(t('models.seqLen'), number('seqLen', {min: 2, step: 1})),
    field(t('models.horizon'), number('horizon', {min: 1, step: 1})),
    field(t('backtest.stocks'), input('tsCodes', {size: 30, value: (values.tsCodes || []).join(','),
      placeholder: t('models.allStocks'), title: t('backtest.stocksHint')})),
  ];
}

/** The API's training request from the form's values: empty fields left out (the service's defaults apply). */
export function trainBody(v) {
  const codes = list(v.tsCodes);
  return {
    preset: v.preset, device: v.device, epochs: numberOrUndefined(v.epochs), batchSize: numberOrUndefined(v.batchSize),
    learningRate: numberOrUndefined(v.learningRate), seed: numberOrUndefined(v.seed), patience: numberOrUndefined(v.patience),
    seqLen: numberOrUndefined(v.seqLen), horizon: numberOrUndefined(v.horizon),
    startDate: v.startDate || undefined, endDate: v.endDate || undefined,
    validStart: v.validStart || undefined, testStart: v.testStart || undefined,
    tsCodes: codes.length ? codes : undefined,
  };
}

/** One line of where a training job stands: epoch and step, losses, speed, time left. */
export function progressText(job) {
  const d = job.detail;
  if (!d) return job.message || '';
  return t('models.progressDetail', {epoch: d.epoch, epochs: d.epochs, step: d.step, steps: d.stepsPerEpoch,
    train: num(d.trainLoss?.total), valid: num(d.validLoss?.total), rate: Math.round(d.samplesPerSecond ?? 0),
    eta: ended(job) ? '–' : duration(d.etaSeconds)});
}

/** The progress bar with the detail line, and a Cancel button while the job may still stop. */
export function trainingProgress(job, cancel) {
  const message = progressText(job);
  const stoppable = !ended(job) && cancel;
  return h('div', {class: 'training-progress'},
    progressView({...job, message}),
    stoppable ? h('button', {type: 'button', class: 'cancel', disabled: job.cancelRequested,
      onclick: e => { e.target.disabled = true; cancel(); }}, job.cancelRequested ? t('models.cancelling') : t('models.cancel')) : null);
}

/** Training jobs, newest first: each links to its progress and loss curves, and to the model it made. */
export function jobTable(jobs) {
  const rows = [...jobs].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt))).map(j => ({...j,
    preset: j.request?.preset, range: `${j.request?.startDate ?? '…'} – ${j.request?.endDate ?? '…'}`,
    epoch: j.detail?.epoch ?? null, epochsWanted: j.request?.epochs ?? j.detail?.epochs,
    train: j.detail?.trainLoss?.total ?? null, valid: j.detail?.validLoss?.total ?? null}));
  return dataTable({name: 'training-jobs', rows, columns: [
    {key: 'createdAt', label: t('col.submitted'), format: instant, cell: (v, j) => h('a', {href: `#/models?job=${j.id}`}, instant(v))},
    {key: 'status', label: t('col.status'), format: v => t(`status.${v}`), cell: (v, j) => progressView(j)},
    {key: 'preset', label: t('models.preset')},
    {key: 'epoch', label: t('models.epoch'), numeric: true, format: (v, j) => `${v ?? '–'}/${j.epochsWanted ?? '–'}`},
    {key: 'range', label: t('models.range')},
    {key: 'train', label: t('models.trainLoss'), numeric: true, format: v => num(v)},
    {key: 'valid', label: t('models.validLoss'), numeric: true, format: v => num(v)},
    {key: 'modelId', label: t('models.model'), format: v => v ?? '', cell: v => (v ? h('a', {href: `#/models?id=${v}`}, v.slice(0, 8)) : '')},
    {key: 'message', label: t('data.message')}]});
}
