// Data: how current each dataset is, ingestion jobs with live progress, what is stored by
// dataset and date, and the rows cleaning rejected.
import {h, field, select} from '../dom.js';
import {t} from '../i18n.js';
import {get, query} from '../api.js';
import {loading, empty, error, show} from '../states.js';
import {keepFresh, progressView} from '../jobs.js';
import {chartPanel} from '../chart.js';
import {dataTable} from '../table.js';
import {amount, instant} from '../format.js';

const DAY = 86400000;

export async function render(main, {params, signal, navigate}) {
  const status = h('div', {}, loading());
  const jobs = h('div', {}, loading());
  const coverage = h('div', {}, loading());
  const rejections = h('div', {}, loading());
  main.append(h('h1', {}, t('nav.data')), h('h2', {}, t('data.jobs')), jobs, h('h2', {}, t('data.coverage')), coverage,
    h('h2', {}, t('data.status')), status, h('h2', {}, t('data.rejections')), rejections);
  const guard = (slot, work) => work.then(content => show(slot, content)).catch(e => show(slot, error(e)));
  await Promise.all([
    keepFresh(jobs, {load: () => get(`/api/data/jobs${query({limit: 50})}`), render: jobTable, signal}),
    guard(coverage, get('/api/data/coverage').then(coveragePanel)),
    guard(status, get('/api/data/status').then(statusTable)),
    guard(rejections, rejectionTable(params.get('dataset') || '', dataset => navigate('data', {dataset})))]);
}

/** The jobs, refreshed (keepFresh) while one is queued or running. */
function jobTable(list) {
  if (!list.length) return empty(t('data.noJobs'));
  return dataTable({name: 'ingest-jobs', rows: list, columns: [
    {key: 'createdAt', label: t('col.submitted'), format: instant},
    {key: 'status', label: t('col.status'), format: v => t(`status.${v}`), cell: (v, job) => progressView(job)},
    {key: 'datasets', label: t('data.datasets')}, {key: 'startDate', label: t('backtest.start')}, {key: 'endDate', label: t('backtest.end')},
    {key: 'unitsDone', label: t('data.units'), numeric: true, format: (v, j) => `${v}/${j.unitsTotal}`},
    {key: 'rowsStored', label: t('data.rowsStored'), numeric: true, format: v => amount(v, 0)},
    {key: 'rowsRejected', label: t('data.rowsRejected'), numeric: true, format: v => amount(v, 0)},
    {key: 'calls', label: t('data.calls'), numeric: true, format: v => amount(v, 0)},
    {key: 'etaSeconds', label: t('data.eta'), numeric: true, format: v => (v === null || v === undefined ? '' : `${v} s`)},
    {key: 'message', label: t('data.message')}]});
}

/**
 * One bar per dataset from its earliest to its latest stored day (over its scopes: the whole
 * market, '*', or one ts_code each); the table lists every dataset and scope.
 */
export function coverageByDataset(rows) {
  const byDataset = new Map();
  for (const r of rows) {
    const d = byDataset.get(r.dataset) ?? {dataset: r.dataset, first: r.first, last: r.last, scopes: 0};
    d.first = r.first < d.first ? r.first : d.first;
    d.last = r.last > d.last ? r.last : d.last;
    d.scopes++;
    byDataset.set(r.dataset, d);
  }
  return [...byDataset.values()];
}

function coveragePanel(rows) {
  if (!rows.length) return empty(t('data.noCoverage'));
  const all = coverageByDataset(rows).map(d => ({...d, from: Date.parse(d.first), to: Date.parse(d.last)}));
  // reference snapshots (stock_basic, namechange, ...) cover only the day they were fetched: in the table, not the chart
  const spans = all.filter(d => d.to > d.from);
  const datasets = spans.length ? spans : all;
  const dateText = ms => new Date(ms).toISOString().slice(0, 10);
  return chartPanel({id: 'data-coverage', title: t('data.coverageTitle'), height: 60 + 26 * datasets.length,
    option: {
      tooltip: {trigger: 'item', formatter: p => {
        const d = datasets[p.dataIndex];
        return `${d.dataset}: ${d.first} … ${d.last} (${t('data.scopes', {n: d.scopes})})`;
      }},
      grid: {left: 130, right: 40, top: 20, bottom: 40},
      xAxis: {type: 'value', min: Math.min(...datasets.map(d => d.from)) - DAY, max: Math.max(...datasets.map(d => d.to)) + DAY,
        axisLabel: {formatter: dateText}},
      yAxis: {type: 'category', data: datasets.map(d => d.dataset), inverse: true, axisLabel: {interval: 0}},
      series: [
        {type: 'bar', stack: 'span', silent: true, itemStyle: {color: 'transparent'}, data: datasets.map(d => d.from)},
        {type: 'bar', stack: 'span', itemStyle: {color: '#0969da'}, data: datasets.map(d => d.to - d.from + DAY)}],
    },
    table: {rows, columns: [{key: 'dataset', label: t('data.dataset')},
      {key: 'scope', label: t('data.scope'), format: v => (v === '*' ? t('data.wholeMarket') : v)},
      {key: 'first', label: t('data.first')}, {key: 'last', label: t('data.last')},
      {key: 'ranges', label: t('data.ranges'), numeric: true}]}});
}

function statusTable(status) {
  const rows = (status.datasets || []).map(d => ({...d, pendingDays: (d.pending || []).length, late: (d.late || []).join(', ')}));
  return h('div', {},
    h('p', {class: 'note'}, t('data.cycle', {enabled: status.cycle?.enabled ? '✓' : '✗', cron: status.cycle?.cron ?? '–',
      asOf: instant(status.asOf)})),
    dataTable({name: 'data-status', rows, filter: false, columns: [{key: 'dataset', label: t('data.dataset')},
      {key: 'lastCompleteDay', label: t('data.lastComplete')}, {key: 'missingDays', label: t('data.missing'), numeric: true},
      {key: 'pendingDays', label: t('data.pending'), numeric: true}, {key: 'lateDays', label: t('data.late'), numeric: true},
      {key: 'late', label: t('data.lateDays')}]}));
}

async function rejectionTable(dataset, choose) {
  const rows = await get(`/api/data/rejections${query({dataset, limit: 100})}`);
  const datasets = select('dataset', [['', t('data.allDatasets')], ...new Set([dataset, ...rows.map(r => r.dataset)].filter(Boolean))], dataset);
  datasets.addEventListener('change', () => choose(datasets.value));
  return h('div', {}, field(t('data.dataset'), datasets),
    rows.length ? dataTable({name: 'data-rejections', rows, columns: [{key: 'at', label: t('data.at'), format: instant},
      {key: 'dataset', label: t('data.dataset')}, {key: 'tsCode', label: t('col.code')}, {key: 'tradeDate', label: t('col.date')},
      {key: 'reason', label: t('col.reason')}, {key: 'row', label: t('data.row')}]}) : empty(t('data.noRejections')));
}
