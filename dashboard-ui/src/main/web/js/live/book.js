// A strategy's live book (GET /api/strategies/{name}/live, /live/equity, /live/positions,
// /live/trades): equity against the benchmark since the start, the live-vs-backtest tracking
// difference, positions, stops hit and trades. While the endpoint answers 404, an empty state.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {get, getOptional} from '../api.js';
import {empty} from '../states.js';
import {chartPanel} from '../chart.js';
import {lineOption} from '../options.js';
import {colors} from '../settings.js';
import {dataTable, autoColumns} from '../table.js';
import {amount, pct} from '../format.js';

const rowsOf = body => (Array.isArray(body) ? body : body?.rows ?? body?.items ?? body?.positions ?? body?.trades ?? []);

/** One day of the live curve, whatever the field names: date, equity, benchmark, the backtest's equity. */
export function equityPoint(r) {
  return {tradeDate: r.tradeDate ?? r.date, equity: r.equity ?? r.nav ?? null, benchmark: r.benchmarkEquity ?? r.benchmark ?? null,
    backtest: r.backtestEquity ?? r.backtest ?? null};
}

export async function liveBook(path) {
  const summary = await getOptional(`${path}/live`);
  if (!summary) return empty(t('live.none'));
  const [equity, positions, trades] = await Promise.all(['equity', 'positions', 'trades'].map(p => get(`${path}/live/${p}`).then(rowsOf)));
  const points = equity.map(equityPoint);
  // a trade a stop caused names it (stop: stop_loss or trailing_stop)
  const stops = trades.filter(r => (r.stop !== null && r.stop !== undefined) || /stop/i.test(String(r.reason ?? '')));
  return h('div', {class: 'live'},
    summaryCards(summary),
    h('div', {class: 'grid'}, equityPanel(points), trackingPanel(points)),
    h('h3', {}, t('live.positions')), positions.length ? dataTable({name: 'live-positions', rows: positions, columns: autoColumns(positions)}) : empty(),
    h('h3', {}, t('live.stops')), stops.length ? dataTable({name: 'live-stops', rows: stops, columns: autoColumns(stops)}) : empty(t('live.noStops')),
    h('h3', {}, t('live.trades')), trades.length ? dataTable({name: 'live-trades', rows: trades, columns: autoColumns(trades)}) : empty());
}

function summaryCards(summary) {
  const shown = Object.entries(summary).filter(([, v]) => v === null || ['number', 'string', 'boolean'].includes(typeof v));
  return h('div', {class: 'cards'}, shown.map(([k, v]) => h('div', {class: 'card'}, h('div', {class: 'label'}, k),
    h('div', {class: 'value'}, typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v ?? '–')))));
}

function equityPanel(points) {
  return chartPanel({id: 'live-equity', title: t('live.equityTitle'),
    option: lineOption({x: points.map(p => p.tradeDate), series: [
      {name: t('backtest.equity'), data: points.map(p => p.equity), color: '#0969da'},
      {name: t('backtest.benchmark'), data: points.map(p => p.benchmark), color: '#8c959f'},
      ...(points.some(p => p.backtest !== null) ? [{name: t('live.backtest'), data: points.map(p => p.backtest), color: '#bf8700'}] : [])]}),
    table: {rows: points, columns: [{key: 'tradeDate', label: t('col.date')},
      {key: 'equity', label: t('backtest.equity'), numeric: true, format: v => amount(v)},
      {key: 'benchmark', label: t('backtest.benchmark'), numeric: true, format: v => amount(v)},
      {key: 'backtest', label: t('live.backtest'), numeric: true, format: v => amount(v)}]}});
}

/** Live over backtest equity minus one, each day both exist. */
function trackingPanel(points) {
  const rows = points.filter(p => p.equity !== null && p.backtest)
    .map(p => ({tradeDate: p.tradeDate, difference: p.equity / p.backtest - 1}));
  return chartPanel({id: 'live-tracking', title: t('live.trackingTitle'), note: rows.length ? null : t('live.noBacktest'),
    option: lineOption({x: rows.map(r => r.tradeDate), yKind: 'pct',
      series: [{name: t('live.tracking'), data: rows.map(r => r.difference), color: colors().up}]}),
    table: {rows, columns: [{key: 'tradeDate', label: t('col.date')},
      {key: 'difference', label: t('live.tracking'), numeric: true, format: v => pct(v, 3)}]}});
}
