// One finished backtest: figures, equity against the benchmark, drawdown, daily returns,
// monthly returns, and every fill and rejection.
import {h} from '../dom.js';
import {t, tOr} from '../i18n.js';
import {get} from '../api.js';
import {chartPanel} from '../chart.js';
import {lineOption, histogramOption, heatmapOption} from '../options.js';
import {dailyReturns, histogram, monthlyReturns} from '../stats.js';
import {colors, signColor} from '../settings.js';
import {metricCards} from '../metrics.js';
import {dataTable} from '../table.js';
import {amount, num, pct} from '../format.js';

export async function runResults(job) {
  const base = `/api/backtests/${job.id}`;
  const [equity, trades, rejections] = await Promise.all([get(`${base}/equity`), get(`${base}/trades`), get(`${base}/rejections`)]);
  const capital = job.parameters?.initialCapital;
  return h('div', {class: 'results'},
    metricCards(job.metrics),
    h('div', {class: 'grid'},
      equityPanel(equity), drawdownPanel(equity), returnsPanel(equity, capital), monthlyPanel(equity, capital)),
    h('h2', {}, t('backtest.trades')),
    tradesTable(job.id, trades, rejections));
}

function equityPanel(rows) {
  const x = rows.map(r => r.tradeDate);
  const series = [{name: t('backtest.equity'), data: rows.map(r => r.equity), color: '#0969da'}];
  if (rows.some(r => r.benchmark !== null)) series.push({name: t('backtest.benchmark'), data: rows.map(r => r.benchmark), color: '#8c959f'});
  return chartPanel({id: 'equity', title: t('backtest.equityTitle'), option: lineOption({x, series, yName: 'CNY'}),
    table: {columns: [{key: 'tradeDate', label: t('col.date')}, {key: 'equity', label: t('backtest.equity'), numeric: true, format: v => amount(v)},
      {key: 'benchmark', label: t('backtest.benchmark'), numeric: true, format: v => amount(v)},
      {key: 'cash', label: t('col.cash'), numeric: true, format: v => amount(v)},
      {key: 'marketValue', label: t('col.marketValue'), numeric: true, format: v => amount(v)}], rows}});
}

function drawdownPanel(rows) {
  const data = rows.map(r => ({tradeDate: r.tradeDate, underwater: -r.drawdown}));
  return chartPanel({id: 'drawdown', title: t('backtest.drawdownTitle'),
    option: lineOption({x: data.map(d => d.tradeDate), yKind: 'pct', yMin: undefined,
      series: [{name: t('backtest.drawdown'), data: data.map(d => d.underwater), color: colors().down, area: true}]}),
    table: {columns: [{key: 'tradeDate', label: t('col.date')}, {key: 'underwater', label: t('backtest.drawdown'), numeric: true, format: v => pct(v)}],
      rows: data}});
}

function returnsPanel(rows, capital) {
  const returns = dailyReturns(rows.map(r => r.equity), capital);
  const bins = histogram(returns, 24);
  return chartPanel({id: 'returns', title: t('backtest.returnsTitle'),
    option: histogramOption({bins, colorOf: signColor, yName: t('backtest.days')}),
    table: {columns: [{key: 'from', label: t('col.from'), numeric: true, format: v => pct(v, 3)},
      {key: 'to', label: t('col.to'), numeric: true, format: v => pct(v, 3)}, {key: 'count', label: t('backtest.days'), numeric: true}], rows: bins}});
}

function monthlyPanel(rows, capital) {
  const months = monthlyReturns(rows.map(r => r.tradeDate), rows.map(r => r.equity), capital);
  const years = [...new Set(months.map(m => m.year))];
  const labels = Array.from({length: 12}, (_, i) => t(`month.${i + 1}`));
  const cells = months.map(m => [m.month - 1, years.indexOf(m.year), m.value]);
  const table = years.map(year => Object.fromEntries([['year', year],
    ...months.filter(m => m.year === year).map(m => [`m${m.month}`, m.value])]));
  return chartPanel({id: 'monthly', title: t('backtest.monthlyTitle'), height: 80 + 40 * Math.max(2, years.length),
    option: heatmapOption({x: labels, y: years.map(String), cells, kind: 'pct', palette: [colors().down, '#ffffff', colors().up]}),
    table: {columns: [{key: 'year', label: t('col.year')},
      ...labels.map((label, i) => ({key: `m${i + 1}`, label, numeric: true, format: v => pct(v)}))], rows: table}});
}

/** Fills and rejections in one table, in date order; a rejection's reason translated where known. */
function tradesTable(id, trades, rejections) {
  const rows = [
    ...trades.map(f => ({...f, outcome: t('backtest.filled'), fees: f.commission + f.stampDuty + f.transferFee,
      reasonText: f.reason ?? ''})),
    ...rejections.map(r => ({...r, outcome: t('backtest.rejected'), reasonText: tOr(`reject.${r.reason}`, r.reason)})),
  ].sort((a, b) => a.tradeDate.localeCompare(b.tradeDate));
  return dataTable({name: `backtest-${id}-trades`, rows, columns: [
    {key: 'tradeDate', label: t('col.date')}, {key: 'tsCode', label: t('col.code')},
    {key: 'side', label: t('col.side'), format: v => t(`side.${v}`)},
    {key: 'outcome', label: t('col.outcome'), className: (v, row) => (row.price === undefined ? 'rejected' : null)},
    {key: 'shares', label: t('col.shares'), numeric: true, format: v => amount(v, 0)},
    {key: 'price', label: t('col.price'), numeric: true, format: v => num(v, 4)},
    {key: 'value', label: t('col.value'), numeric: true, format: v => amount(v)},
    {key: 'fees', label: t('col.fees'), numeric: true, format: v => amount(v)},
    {key: 'slippageCost', label: t('col.slippage'), numeric: true, format: v => amount(v)},
    {key: 'reasonText', label: t('col.reason')}]});
}

