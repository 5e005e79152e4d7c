// Parameter optimisation: a base backtest, parameter ranges and an objective (POST
// /api/backtests/optimize); progress; the grid as a heatmap over two chosen parameters and a
// ranked table (#/optimize?id=...); past optimisations.
import {h, field, select, formValues, numberOrUndefined, list} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, query} from '../api.js';
import {loading, empty, error, show, onSubmit} from '../states.js';
import {follow, progressView} from '../jobs.js';
import {dataTable} from '../table.js';
import {instant, num} from '../format.js';
import {metricColumns, formatMetric} from '../metrics.js';
import {backtestFields, requestBody} from '../backtest/form.js';
import {gridHeatmap} from '../optimize/heatmap.js';

export const OBJECTIVES = ['max_return', 'max_sharpe', 'min_drawdown'];
/** Parameters a range may vary: multi_factor's and the costs. */
export const PARAMETERS = ['buy_above', 'sell_below', 'max_position', 'max_single_trade', 'max_exposure', 'stop_loss',
  'trailing_stop', 'target_vol', 'vol_window', 'weight_trend', 'weight_momentum', 'commission', 'slippage'];
const BASE = {strategy: 'multi_factor', stocks: ['600000.SH', '600519.SH', '000001.SZ', '300750.SZ', '601318.SH', '000858.SZ'],
  startDate: '2022-01-04', endDate: '2022-12-20', initialCapital: 1000000, commission: 0.0003, benchmark: '000300.SH'};
const RANGES = [{name: 'buy_above', from: 0.55, to: 0.7, step: 0.05}, {name: 'sell_below', from: 0.3, to: 0.45, step: 0.05}];

export async function render(main, {params, signal, navigate}) {
  const formSlot = h('div', {}, optimizeForm({base: BASE, ranges: RANGES, objective: 'max_sharpe'}, navigate));
  const result = h('div', {id: 'optimization'});
  const past = h('div', {}, loading());
  main.append(h('h1', {}, t('nav.optimize')), formSlot, result, h('h2', {}, t('optimize.past')), past);
  pastOptimizations(past);
  if (params.get('id')) await showOptimization(params.get('id'), result, signal, request => formSlot.replaceChildren(optimizeForm(request, navigate)));
}

/** The form filled from an OptimizeRequest (ranges as {name, values} or {name, from, to, step}), plus one empty range. */
function optimizeForm(request, navigate) {
  const message = h('div', {class: 'message'});
  const ranges = [...(request.ranges || []), {}];
  const form = h('form', {id: 'optimize-form'}, h('div', {class: 'fields'}, backtestFields(request.base)),
    h('fieldset', {}, h('legend', {}, t('optimize.ranges')), ranges.map(rangeRow)),
    field(t('optimize.objective'), select('objective', OBJECTIVES.map(o => [o, t(`objective.${o}`)]), request.objective)),
    h('button', {type: 'submit', class: 'primary'}, t('optimize.run')), message);
  onSubmit(form, message, async () => {
    const accepted = await post('/api/backtests/optimize', optimizeBody(form));
    navigate('optimize', {id: accepted.id});
  });
  return form;
}

function rangeRow(range, i) {
  const names = PARAMETERS.includes(range.name) || !range.name ? PARAMETERS : [range.name, ...PARAMETERS];
  return h('div', {class: 'range', dataset: {range: i}},
    field(t('optimize.parameter'), select(`name${i}`, [['', '–'], ...names], range.name ?? '')),
    field(t('optimize.from'), h('input', {name: `from${i}`, type: 'number', step: 'any', value: range.from ?? ''})),
    field(t('optimize.to'), h('input', {name: `to${i}`, type: 'number', step: 'any', value: range.to ?? ''})),
    field(t('optimize.step'), h('input', {name: `step${i}`, type: 'number', step: 'any', min: 0, value: range.step ?? ''})),
    field(t('optimize.values'), h('input', {name: `values${i}`, size: 14, value: (range.values || []).join(','),
      placeholder: t('optimize.valuesHint')})));
}

/** The OptimizeRequest: the base backtest, each named range (explicit values win over from/to/step), the objective. */
export function optimizeBody(form) {
  const v = formValues(form);
  const ranges = [];
  for (let i = 0; `name${i}` in v; i++) {
    if (!v[`name${i}`]) continue;
    const values = list(v[`values${i}`]).map(Number);
    ranges.push(values.length ? {name: v[`name${i}`], values}
      : {name: v[`name${i}`], from: numberOrUndefined(v[`from${i}`]), to: numberOrUndefined(v[`to${i}`]), step: numberOrUndefined(v[`step${i}`])});
  }
  return {base: requestBody(v), ranges, objective: v.objective};
}

async function showOptimization(id, slot, signal, refill) {
  const progress = h('div');
  show(slot, progress);
  try {
    const job = await follow(`/api/backtests/optimize/${encodeURIComponent(id)}`, {signal,
      onUpdate: j => show(progress, progressView({...j, message: t('optimize.points', {done: j.done, points: j.points})}))});
    if (signal.aborted) return;
    if (job.parameters?.base) refill(job.parameters); // to run it again with changes
    if (job.status !== 'SUCCEEDED') {
      slot.append(error({detail: job.message || job.status}));
      return;
    }
    slot.append(results(job));
  } catch (e) {
    slot.append(error(e));
  }
}

function results(job) {
  const grid = job.grid || [];
  if (!grid.length) return empty();
  const names = Object.keys(grid[0].parameters || {});
  const rows = grid.map(p => ({rank: p.rank, ...p.parameters, objectiveValue: p.objectiveValue, fills: p.fills,
    rejections: p.rejections, ...Object.fromEntries(Object.entries(p.metrics || {}).map(([k, v]) => [`m.${k}`, v]))}));
  return h('div', {},
    h('p', {class: 'note'}, t('optimize.summary', {objective: t(`objective.${job.objective}`), points: job.points,
      best: job.best ? formatMetric(job.best.objective, job.best.objectiveValue) : '–'})),
    gridHeatmap(job, names),
    h('h3', {}, t('optimize.ranked')),
    dataTable({name: `optimization-${job.id}`, rows, columns: [
      {key: 'rank', label: '#', numeric: true},
      ...names.map(n => ({key: n, label: n, numeric: true, format: v => (typeof v === 'number' ? num(v, 4) : String(v))})),
      {key: 'objectiveValue', label: t(`objective.${job.objective}`), numeric: true, format: v => formatMetric(job.best?.objective, v)},
      ...metricColumns(['total_return', 'sharpe', 'max_drawdown', 'annual_return', 'volatility'], 'm.'),
      {key: 'fills', label: t('optimize.fills'), numeric: true}, {key: 'rejections', label: t('optimize.rejections'), numeric: true}]}));
}

async function pastOptimizations(slot) {
  try {
    const jobs = await get(`/api/backtests/optimize${query({limit: 50})}`);
    if (!jobs.length) {
      show(slot, empty(t('optimize.none')));
      return;
    }
    show(slot, dataTable({name: 'optimizations', rows: jobs, columns: [
      {key: 'submittedAt', label: t('col.submitted'), format: instant},
      {key: 'strategy', label: t('backtest.strategy'), cell: (v, row) => h('a', {href: `#/optimize?id=${row.id}`}, v)},
      {key: 'objective', label: t('optimize.objective'), format: v => t(`objective.${v}`)},
      {key: 'points', label: t('optimize.pointsColumn'), numeric: true, format: (v, row) => `${row.done ?? '–'}/${v}`},
      {key: 'status', label: t('col.status'), format: v => t(`status.${v}`)}]}));
  } catch (e) {
    show(slot, error(e));
  }
}
