// Calendar effects (日历效应): mean return by weekday, month and quarter of a stock or an index,
// each bar labelled with its t-statistic (GET /api/data/calendar-effects).
import {h, field, formValues} from '../dom.js';
import {t} from '../i18n.js';
import {get, query} from '../api.js';
import {loading, error, markFields, show} from '../states.js';
import {chartPanel} from '../chart.js';
import {barOption} from '../options.js';
import {signColor} from '../settings.js';
import {num, pct} from '../format.js';

const GROUPS = [['byWeekday', 'weekday'], ['byMonth', 'month'], ['byQuarter', 'quarter']];

export async function render(main, {params, navigate}) {
  const code = params.get('code') || '000300.SH';
  const start = params.get('start') || '2021-01-04';
  const end = params.get('end') || '2022-12-20';
  const form = h('form', {id: 'calendar-form', onsubmit: e => {
    e.preventDefault();
    navigate('calendar', formValues(form));
  }},
  field(t('calendar.code'), h('input', {name: 'code', value: code, size: 12, title: t('calendar.codeHint'), required: true})),
  field(t('backtest.start'), h('input', {name: 'start', type: 'date', value: start})),
  field(t('backtest.end'), h('input', {name: 'end', type: 'date', value: end})),
  h('button', {type: 'submit', class: 'primary'}, t('calendar.show')));
  const out = h('div', {}, loading());
  main.append(h('h1', {}, t('nav.calendar')), form, out);
  try {
    const effects = await get(`/api/data/calendar-effects${query({code, start, end})}`);
    show(out, h('p', {class: 'note'}, t('calendar.summary', {code: effects.code, start: effects.start, end: effects.end,
      n: effects.observations})), h('div', {class: 'grid'}, GROUPS.map(([key, kind]) => groupPanel(kind, effects[key] || []))));
  } catch (e) {
    markFields(form, e);
    show(out, error(e));
  }
}

function groupPanel(kind, rows) {
  const named = rows.map(r => ({...r, name: groupLabel(kind, r)}));
  return chartPanel({id: `calendar-${kind}`, title: t(`calendar.${kind}`),
    note: t(kind === 'weekday' ? 'calendar.dailyNote' : 'calendar.periodNote'),
    option: barOption({categories: named.map(r => r.name), yKind: 'pct', yName: t('calendar.meanReturn'),
      labels: named.map(r => (r.t === null ? '' : `t=${num(r.t, 2)}`)),
      series: [{name: t('calendar.meanReturn'), data: named.map(r => r.mean), colorOf: signColor}]}),
    table: {rows: named, columns: [{key: 'name', label: t(`calendar.${kind}`)}, {key: 'n', label: 'n', numeric: true},
      {key: 'mean', label: t('calendar.meanReturn'), numeric: true, format: v => pct(v, 3)},
      {key: 'stdev', label: t('calendar.stdev'), numeric: true, format: v => pct(v, 3)},
      {key: 't', label: t('calendar.t'), numeric: true, format: v => num(v, 2)},
      {key: 'positiveShare', label: t('calendar.positive'), numeric: true, format: v => pct(v, 1)}]}});
}

function groupLabel(kind, row) {
  if (kind === 'weekday') return t(`weekday.${row.key}`);
  if (kind === 'month') return t(`month.${row.key}`);
  return row.label || `Q${row.key}`;
}
