// Backtests: the form (POST /api/backtests), a run's progress and results (#/backtest?id=...),
// past runs, and two or more runs side by side (#/backtest?compare=id1,id2).
import {h, formValues} from '../dom.js';
import {t} from '../i18n.js';
import {get, post, query} from '../api.js';
import {loading, empty, error, show, onSubmit} from '../states.js';
import {follow, progressView} from '../jobs.js';
import {dataTable} from '../table.js';
import {instant} from '../format.js';
import {metricColumns} from '../metrics.js';
import {runResults} from '../backtest/run.js';
import {comparison} from '../backtest/compare.js';
import {backtestFields, requestBody} from '../backtest/form.js';

export async function render(main, {params, signal, navigate}) {
  const result = h('div', {id: 'run'});
  const runs = h('div', {id: 'runs'}, loading());
  const message = h('div', {class: 'message'});
  const fields = h('div', {class: 'fields'}, backtestFields());
  const form = h('form', {id: 'backtest-form'}, fields,
    h('button', {type: 'submit', class: 'primary'}, t('backtest.run')), message);
  onSubmit(form, message, async () => {
    const accepted = await post('/api/backtests', requestBody(formValues(form)));
    navigate('backtest', {id: accepted.id});
  });
  main.append(h('h1', {}, t('nav.backtest')), form, result, h('h2', {}, t('backtest.pastRuns')), runs);
  pastRuns(runs, navigate);
  if (params.get('compare')) {
    show(result, loading());
    show(result, await comparison(params.get('compare').split(',')).catch(error));
  } else if (params.get('id')) {
    await showRun(params.get('id'), result, fields, signal);
  }
}

async function showRun(id, slot, fields, signal) {
  const progress = h('div');
  show(slot, progress);
  try {
    const job = await follow(`/api/backtests/${encodeURIComponent(id)}`, {signal, onUpdate: j => show(progress, progressView(j))});
    if (job.parameters) fields.replaceChildren(...backtestFields(job.parameters)); // to run it again with changes
    if (signal.aborted) return;
    if (job.status !== 'SUCCEEDED') {
      slot.append(error({status: null, detail: job.message || job.status}));
      return;
    }
    slot.append(loading());
    const results = await runResults(job);
    slot.lastChild.replaceWith(h('p', {class: 'note'}, t('backtest.runOf', {strategy: job.strategy, start: job.startDate,
      end: job.endDate, id: job.id})), results);
  } catch (e) {
    slot.append(error(e));
  }
}

async function pastRuns(slot, navigate) {
  let list;
  try {
    list = await get(`/api/backtests${query({limit: 50})}`);
  } catch (e) {
    show(slot, error(e));
    return;
  }
  if (!list.length) {
    show(slot, empty(t('backtest.noRuns')));
    return;
  }
  const chosen = new Set();
  const compare = h('button', {type: 'button', class: 'primary', disabled: true,
    onclick: () => navigate('backtest', {compare: [...chosen].join(',')})}, t('backtest.compare'));
  const rows = list.map(r => ({...r, ...Object.fromEntries(Object.entries(r.metrics || {}).map(([k, v]) => [`m.${k}`, v]))}));
  show(slot, h('div', {class: 'row'}, compare, h('span', {class: 'note'}, t('backtest.compareHint'))), dataTable({name: 'backtests', rows, columns: [
    {key: 'id', label: '', csv: true, format: v => v, cell: id => h('input', {type: 'checkbox', value: id, onchange: e => {
      if (e.target.checked) chosen.add(id); else chosen.delete(id);
      compare.disabled = chosen.size < 2;
    }})},
    {key: 'submittedAt', label: t('col.submitted'), format: instant},
    {key: 'strategy', label: t('backtest.strategy'), cell: (v, row) => h('a', {href: `#/backtest?id=${row.id}`}, v)},
    {key: 'startDate', label: t('backtest.start')}, {key: 'endDate', label: t('backtest.end')},
    {key: 'status', label: t('col.status'), format: v => t(`status.${v}`)},
    ...metricColumns(['total_return', 'sharpe', 'max_drawdown'], 'm.')]}));
}
