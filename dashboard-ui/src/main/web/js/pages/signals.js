// Signals and live monitoring: a day's signals (published, or evaluated now) with scores,
// sub-scores, target weights and risk notes; then the strategy's live book.
import {h, field, select} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, query} from '../api.js';
import {loading, empty, error, show} from '../states.js';
import {chartPanel} from '../chart.js';
import {rankedBarOption} from '../options.js';
import {colors} from '../settings.js';
import {dataTable} from '../table.js';
import {num, pct} from '../format.js';
import {liveBook} from '../live/book.js';

export async function render(main, {params, navigate}) {
  const strategies = await get('/api/strategies');
  const name = params.get('strategy') || strategies[0]?.name;
  const date = params.get('date') || '2022-12-20';
  const mode = params.get('mode') || 'evaluate';
  const form = h('form', {id: 'signals-form', onsubmit: e => {
    e.preventDefault();
    navigate('signals', {strategy: form.elements.strategy.value, date: form.elements.date.value, mode: e.submitter?.value || mode});
  }},
  field(t('backtest.strategy'), select('strategy', strategies.map(s => [s.name, `${s.name} (${s.version})`]), name)),
  field(t('col.date'), h('input', {name: 'date', type: 'date', value: date})),
  h('button', {type: 'submit', class: mode === 'stored' ? 'primary' : null, value: 'stored'}, t('signals.stored')),
  h('button', {type: 'submit', class: mode === 'evaluate' ? 'primary' : null, value: 'evaluate'}, t('signals.evaluate')));
  const day = h('div', {}, loading());
  const live = h('div', {}, loading());
  main.append(h('h1', {}, t('nav.signals')), form, day, h('h2', {}, t('live.title')), live);
  if (!name) {
    show(day, empty(t('signals.noStrategy')));
    show(live);
    return;
  }
  const path = `/api/strategies/${encodeURIComponent(name)}`;
  const [signals, book] = await Promise.allSettled([
    mode === 'evaluate' ? post(`${path}/evaluate`, {date}) : get(`${path}/signals${query({date})}`),
    liveBook(path)]);
  show(day, signals.status === 'fulfilled' ? dayView(signals.value, mode, date) : error(signals.reason));
  show(live, book.status === 'fulfilled' ? book.value : error(book.reason));
}

function dayView(signals, mode, date) {
  if (!signals.length) return empty(t(mode === 'evaluate' ? 'signals.none' : 'signals.noneStored', {date}));
  const first = signals[0];
  const count = a => signals.filter(s => s.action === a).length;
  const gross = signals.reduce((sum, s) => sum + (s.targetWeight || 0), 0);
  const subNames = [...new Set(signals.flatMap(s => Object.keys(s.subScores || {})))];
  const rows = [...signals].sort((a, b) => b.score - a.score).map(s => ({...s, notes: (s.riskNotes || []).join(', '),
    ...Object.fromEntries(subNames.map(n => [`sub.${n}`, s.subScores?.[n] ?? null]))}));
  const actionColor = {BUY: colors().up, SELL: colors().down, HOLD: '#8c959f'};
  return h('div', {},
    h('p', {}, t('signals.summary', {strategy: first.strategy, version: first.strategyVersion, date: first.asOf,
      model: first.modelVersion || '–', buy: count('BUY'), hold: count('HOLD'), sell: count('SELL'), gross: pct(gross, 1)})),
    chartPanel({id: 'signals-scores', title: t('signals.scores'), height: Math.max(240, 40 + 18 * rows.length),
      option: rankedBarOption({labels: rows.map(r => r.tsCode), values: rows.map(r => r.score), max: 1, name: t('signals.score'),
        colors: rows.map(r => actionColor[r.action])}),
      table: {rows, columns: signalColumns(subNames)}}),
    h('h3', {}, t('signals.table')),
    dataTable({name: `signals-${date}`, rows, columns: signalColumns(subNames)}));
}

function signalColumns(subNames) {
  return [{key: 'tsCode', label: t('col.code')},
    {key: 'action', label: t('signals.action'), format: v => t(`action.${v}`), className: v => (v === 'BUY' ? 'up' : v === 'SELL' ? 'down' : null)},
    {key: 'score', label: t('signals.score'), numeric: true, format: v => num(v, 3)},
    ...subNames.map(n => ({key: `sub.${n}`, label: n, numeric: true, format: v => num(v, 3)})),
    {key: 'targetWeight', label: t('signals.weight'), numeric: true, format: v => pct(v, 2)},
    {key: 'notes', label: t('signals.riskNotes')}];
}
