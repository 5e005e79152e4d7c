// Factors: the catalogue, one stock's factor values, the factor correlation heatmap, a factor's
// daily IC and its mean forward return by quantile (GET /api/factors/...).
import {h, field, select, formValues, list} from '../dom.js';
import {t} from '../i18n.js';
import {get, query} from '../api.js';
import {loading, error, markFields, show} from '../states.js';
import {chartPanel} from '../chart.js';
import {lineOption, barOption, heatmapOption} from '../options.js';
import {signColor} from '../settings.js';
import {dataTable} from '../table.js';
import {num, pct} from '../format.js';

const CORRELATION = ['#2166ac', '#f7f7f7', '#b2182b']; // -1 blue, 0 white, +1 red: not a price move

export async function render(main, {params, navigate}) {
  const p = name => params.get(name);
  const q = {ts_codes: p('ts_codes') || 'all', start: p('start') || '2022-01-04', end: p('end') || '2022-12-20',
    method: p('method') || 'spearman', name: p('name') || 'MOM20', horizon: p('horizon') || '5',
    stock: p('stock') || '600519.SH', names: p('names') || 'MOM20,MOM60'};
  const catalog = await get('/api/factors/catalog');
  // Mined formulas live in factor-service's database: without it the rest of the page still works.
  const mined = await get('/api/factors/mined').catch(() => null);
  const form = h('form', {id: 'factors-form', onsubmit: e => {
    e.preventDefault();
    navigate('factors', formValues(form));
  }},
  field(t('factors.stocks'), h('input', {name: 'ts_codes', value: q.ts_codes, size: 24, title: t('factors.stocksHint')})),
  field(t('backtest.start'), h('input', {name: 'start', type: 'date', value: q.start})),
  field(t('backtest.end'), h('input', {name: 'end', type: 'date', value: q.end})),
  field(t('factors.method'), select('method', ['spearman', 'pearson'], q.method)),
  field(t('factors.icOf'), select('name', catalog.map(f => [f.name, `${f.name} (${f.category})`]), q.name)),
  field(t('factors.horizon'), h('input', {name: 'horizon', type: 'number', min: 1, max: 250, value: q.horizon, size: 4})),
  field(t('factors.stock'), h('input', {name: 'stock', value: q.stock, size: 10})),
  field(t('factors.names'), h('input', {name: 'names', value: q.names, size: 18})),
  h('button', {type: 'submit', class: 'primary'}, t('calendar.show')));
  const out = h('div', {}, loading());
  main.append(h('h1', {}, t('nav.factors')), form, out);

  const range = {ts_codes: q.ts_codes, start: q.start, end: q.end};
  try {
    const [correlation, ic, values] = await Promise.all([
      get(`/api/factors/correlation${query({...range, method: q.method})}`),
      get(`/api/factors/ic${query({...range, name: q.name, horizon: q.horizon})}`),
      get(`/api/factors${query({ts_codes: q.stock, start: q.start, end: q.end, names: list(q.names).join(',')})}`)]);
    show(out,
      h('p', {class: 'note'}, icSummary(ic)),
      h('div', {class: 'grid'}, correlationPanel(correlation), icPanel(ic), quantilePanel(ic), stockPanel(values, q.stock, list(q.names))),
      h('h2', {}, t('factors.catalog')),
      dataTable({name: 'factor-catalog', rows: catalog, columns: [{key: 'name', label: t('factors.name')},
        {key: 'category', label: t('factors.category')}, {key: 'window', label: t('factors.window'), numeric: true},
        {key: 'formula', label: t('factors.formula')}]}),
      h('h2', {}, t('factors.mined')),
      minedTable(mined));
  } catch (e) {
    markFields(form, e);
    show(out, error(e));
  }
}

/** Formulas found by `alphaquant mine` or POST /api/factors/mine, with their figures per split. */
function minedTable(mined) {
  if (mined === null) {
    return h('p', {class: 'note'}, t('factors.minedUnavailable'));
  }
  if (mined.length === 0) {
    return h('p', {class: 'note'}, t('factors.minedEmpty'));
  }
  const rows = mined.map(f => ({name: f.name, formula: f.formula, method: f.method, weight: f.weight,
    trainIc: f.metrics?.train?.ic, testIc: f.metrics?.test?.ic, testRankIc: f.metrics?.test?.rankIc,
    builtin: f.maxBuiltinCorrelation, closest: f.closestBuiltin}));
  const n = v => num(v, 4);
  return dataTable({name: 'mined-formulas', rows, columns: [{key: 'name', label: t('factors.name')},
    {key: 'formula', label: t('factors.formula')}, {key: 'method', label: t('factors.minedMethod')},
    {key: 'weight', label: t('factors.minedWeight'), numeric: true, format: n},
    {key: 'trainIc', label: t('factors.minedTrainIc'), numeric: true, format: n},
    {key: 'testIc', label: t('factors.minedTestIc'), numeric: true, format: n},
    {key: 'testRankIc', label: t('factors.minedTestRankIc'), numeric: true, format: n},
    {key: 'builtin', label: t('factors.minedBuiltin'), numeric: true, format: v => num(v, 2)},
    {key: 'closest', label: t('factors.minedClosest')}]});
}

function icSummary(ic) {
  return t('factors.icSummary', {name: ic.name, horizon: ic.horizon, stocks: ic.stocks, ic: num(ic.ic.mean), ir: num(ic.ic.ir, 2),
    rankIc: num(ic.rankIc.mean), rankIr: num(ic.rankIc.ir, 2), days: ic.rankIc.days, spread: pct(ic.topMinusBottom, 3)});
}

function correlationPanel(c) {
  const cells = c.matrix.flatMap((row, i) => row.map((v, j) => [j, i, v]));
  const rows = c.names.map((name, i) => Object.fromEntries([['factor', name], ...c.names.map((other, j) => [other, c.matrix[i][j]])]));
  return chartPanel({id: 'factor-correlation', title: t('factors.correlation', {method: c.method}), height: 560,
    note: t('factors.correlationNote', {stocks: c.stocks}),
    option: heatmapOption({x: c.names, y: c.names, cells, palette: CORRELATION, min: -1, max: 1, labels: false}),
    table: {rows, columns: [{key: 'factor', label: t('factors.name')},
      ...c.names.map(n => ({key: n, label: n, numeric: true, format: v => num(v, 3)}))]}});
}

function icPanel(ic) {
  const series = ic.series || [];
  return chartPanel({id: 'factor-ic', title: t('factors.icTitle', {name: ic.name, horizon: ic.horizon}),
    option: lineOption({x: series.map(d => d.tradeDate), series: [
      {name: t('factors.rankIc'), data: series.map(d => d.rankIc), color: '#0969da'},
      {name: 'IC', data: series.map(d => d.ic), color: '#bf8700'}]}),
    table: {rows: series, columns: [{key: 'tradeDate', label: t('col.date')},
      {key: 'ic', label: 'IC', numeric: true, format: v => num(v)}, {key: 'rankIc', label: t('factors.rankIc'), numeric: true, format: v => num(v)},
      {key: 'observations', label: t('factors.observations'), numeric: true}]}});
}

function quantilePanel(ic) {
  const rows = (ic.quantileReturns || []).map(q => ({...q, label: `Q${q.quantile}`}));
  return chartPanel({id: 'factor-quantiles', title: t('factors.quantiles', {horizon: ic.horizon}),
    note: t('factors.quantilesNote'),
    option: barOption({categories: rows.map(r => r.label), yKind: 'pct',
      series: [{name: t('factors.meanForward'), data: rows.map(r => r.meanForwardReturn), colorOf: signColor}]}),
    table: {rows, columns: [{key: 'label', label: t('factors.quantile')},
      {key: 'meanForwardReturn', label: t('factors.meanForward'), numeric: true, format: v => pct(v, 3)}]}});
}

function stockPanel(values, stock, names) {
  const rows = (values.rows || []).filter(r => r.tsCode === stock)
    .map(r => ({tradeDate: r.tradeDate, ...r.values}));
  return chartPanel({id: 'factor-stock', title: t('factors.stockTitle', {stock}),
    option: lineOption({x: rows.map(r => r.tradeDate), series: names.map(n => ({name: n, data: rows.map(r => r[n] ?? null)}))}),
    table: {rows, columns: [{key: 'tradeDate', label: t('col.date')}, ...names.map(n => ({key: n, label: n, numeric: true, format: v => num(v)}))]}});
}
