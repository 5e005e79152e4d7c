// Runs side by side: equity curves rebased to 1 on one axis over the union of their dates, and
// their figures in one table.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {get} from '../api.js';
import {chartPanel} from '../chart.js';
import {lineOption} from '../options.js';
import {rebased} from '../stats.js';
import {dataTable} from '../table.js';
import {metricColumns} from '../metrics.js';
import {num} from '../format.js';

export async function comparison(ids) {
  const runs = await Promise.all(ids.map(async id => {
    const job = await get(`/api/backtests/${encodeURIComponent(id)}`);
    const equity = job.status === 'SUCCEEDED' ? await get(`/api/backtests/${encodeURIComponent(id)}/equity`) : [];
    return {job, equity, label: `${job.strategy} ${job.startDate}…${job.endDate} (${String(job.id).slice(0, 8)})`};
  }));
  const dates = [...new Set(runs.flatMap(r => r.equity.map(e => e.tradeDate)))].sort();
  const columns = runs.map((r, i) => {
    const byDate = new Map(r.equity.map(e => [e.tradeDate, e.equity]));
    return {key: `run${i}`, label: r.label, values: rebased(dates.map(d => byDate.get(d) ?? null))};
  });
  const rows = dates.map((d, j) => Object.fromEntries([['tradeDate', d], ...columns.map(c => [c.key, c.values[j]])]));
  const figures = runs.map(r => ({run: r.label, status: r.job.status, ...r.job.metrics}));
  return h('div', {class: 'compare'},
    h('h2', {}, t('backtest.comparison', {n: runs.length})),
    chartPanel({id: 'compare-equity', title: t('backtest.compareTitle'),
      option: lineOption({x: dates, series: columns.map(c => ({name: c.label, data: c.values}))}),
      table: {columns: [{key: 'tradeDate', label: t('col.date')},
        ...columns.map(c => ({key: c.key, label: c.label, numeric: true, format: v => num(v, 4)}))], rows}}),
    h('h3', {}, t('backtest.figures')),
    dataTable({name: 'comparison', rows: figures, filter: false,
      columns: [{key: 'run', label: t('col.run')}, {key: 'status', label: t('col.status')}, ...metricColumns()]}));
}
