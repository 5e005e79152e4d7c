// A training job's loss curves: train and valid loss per epoch, total and per head (small
// multiples), with the registered model's baseline (predicting the training mean) on the valid
// split as a reference line.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {chartPanel} from '../chart.js';
import {lineOption} from '../options.js';
import {empty} from '../states.js';
import {num} from '../format.js';

export const HEADS = ['total', 'return', 'sharpe', 'drawdown'];
const TRAIN = '#0969da';
const VALID = '#bf8700';

/** One row per finished epoch: the losses of every head flattened (trainTotal, validSharpe, ...). */
export function epochRows(epochs) {
  return (epochs || []).map(e => Object.fromEntries([['epoch', e.epoch],
    ...HEADS.flatMap(head => [[`train.${head}`, e.trainLoss?.[head] ?? null], [`valid.${head}`, e.validLoss?.[head] ?? null]]),
    ['learningRate', e.learningRate], ['seconds', e.seconds]]));
}

/** The panels for a job (its epochs) and, once registered, its model (for the baseline). */
export function lossCurves(job, model) {
  const rows = epochRows(job.epochs);
  if (!rows.length) return empty(t('models.noEpochs'));
  const baseline = model?.metrics?.baselineValidLoss ?? null;
  return h('div', {class: 'curves'},
    panel(rows, 'total', baseline, {id: 'model-loss', height: 320,
      note: `${t('models.totalNote')} ${baseline?.total !== null && baseline?.total !== undefined
        ? t('models.baselineNote', {value: num(baseline.total)}) : t('models.noBaseline')}`}),
    h('div', {class: 'multiples'}, HEADS.slice(1).map(head => panel(rows, head, baseline, {id: `model-loss-${head}`, height: 220}))));
}

function panel(rows, head, baseline, {id, height, note}) {
  const reference = baseline?.[head] ?? null;
  const many = rows.length > 40;
  const columns = [{key: 'epoch', label: t('models.epoch'), numeric: true},
    {key: `train.${head}`, label: t('models.trainLoss'), numeric: true, format: v => num(v)},
    {key: `valid.${head}`, label: t('models.validLoss'), numeric: true, format: v => num(v)}];
  if (head === 'total') {
    columns.push({key: 'learningRate', label: t('models.learningRate'), numeric: true, format: v => (v === null ? '' : v.toExponential(3))},
      {key: 'seconds', label: t('models.seconds'), numeric: true, format: v => num(v, 1)});
  }
  return chartPanel({id, height, note, title: t('models.lossTitle', {head: t(`head.${head}`)}),
    option: lineOption({x: rows.map(r => String(r.epoch)), zoom: many, symbols: !many, series: [
      {name: t('models.trainLoss'), data: rows.map(r => r[`train.${head}`]), color: TRAIN},
      {name: t('models.validLoss'), data: rows.map(r => r[`valid.${head}`]), color: VALID,
        reference: reference === null ? undefined : {value: reference, name: t('models.baseline')}}]}),
    table: {columns, rows}});
}
