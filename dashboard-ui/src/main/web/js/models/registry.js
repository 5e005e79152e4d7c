// The model registry: a table of models (how each scored, which one is active, Promote) and one
// model in full (config, data range, features, versions, metrics).
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {dataTable} from '../table.js';
import {chartPanel} from '../chart.js';
import {barOption} from '../options.js';
import {HEADS} from './curves.js';
import {duration, instant, missing, num, pct} from '../format.js';

/** A summary's mean with its t-statistic: "0.0312 (t 2.10)". */
export function withT(summary) {
  if (!summary || missing(summary.mean)) return '–';
  return `${num(summary.mean)} (t ${num(summary.tStat, 2)})`;
}

/** model loss / baseline loss − 1: below 0 where the model beats predicting the training mean. */
export function versusBaseline(loss, baseline) {
  return missing(loss) || missing(baseline) || baseline === 0 ? null : loss / baseline - 1;
}

/** The active badge, or a Promote button (disabled for a key that may only read). */
export function promoteControl(model, {canWrite, promote}) {
  if (model.active) return h('span', {class: 'badge active', dataset: {active: 'true'}}, t('models.active'));
  return h('button', {type: 'button', class: 'promote', disabled: !canWrite, title: canWrite ? null : t('models.needsWrite'),
    onclick: e => { e.target.disabled = true; promote(model); }}, t('models.promote'));
}

/** The registry's rows: the figures the table shows, flattened from each model's metrics. */
export function registryRows(models) {
  return models.map(m => {
    const x = m.metrics || {};
    return {id: m.id, name: m.name, preset: m.preset, active: m.active, createdAt: m.createdAt, model: m,
      validLoss: x.validLoss?.total ?? null, baselineValidLoss: x.baselineValidLoss?.total ?? null,
      vsBaseline: versusBaseline(x.validLoss?.total, x.baselineValidLoss?.total),
      testRankIc: x.testRankIc?.mean ?? null, testRankIcT: x.testRankIc?.tStat ?? null, rankIc: x.testRankIc,
      bestFactor: x.bestFactor ?? null, bestFactorRankIc: x.bestFactorTestRankIc?.mean ?? null, factorIc: x.bestFactorTestRankIc,
      seed: x.seed ?? m.config?.seed ?? null};
  });
}

export function registryTable(models, actions) {
  return dataTable({name: 'models', rows: registryRows(models), columns: [
    {key: 'name', label: t('models.name'), cell: (v, r) => h('a', {href: `#/models?id=${r.id}`}, v)},
    {key: 'preset', label: t('models.preset')},
    {key: 'active', label: t('models.active'), format: v => (v ? t('models.active') : ''), cell: (v, r) => promoteControl(r.model, actions)},
    {key: 'createdAt', label: t('models.created'), format: instant},
    {key: 'validLoss', label: t('models.validLoss'), numeric: true, format: v => num(v)},
    {key: 'baselineValidLoss', label: t('models.baselineValidLoss'), numeric: true, format: v => num(v)},
    {key: 'vsBaseline', label: t('models.vsBaseline'), numeric: true, format: v => (missing(v) ? '–' : `${v > 0 ? '+' : ''}${pct(v, 1)}`),
      className: v => (v < 0 ? 'beats' : v > 0 ? 'trails' : null)},
    {key: 'testRankIc', label: t('models.testRankIc'), numeric: true, format: (v, r) => withT(r.rankIc)},
    {key: 'bestFactor', label: t('models.bestFactor')},
    {key: 'bestFactorRankIc', label: t('models.bestFactorRankIc'), numeric: true, format: (v, r) => withT(r.factorIc)},
    {key: 'seed', label: t('models.seed'), numeric: true}]});
}

/** One model: headline figures, loss per head against the baseline, IC beside the best factor, and every field it records. */
export function modelDetail(model, actions) {
  const x = model.metrics || {};
  const card = (key, label, value) => h('div', {class: 'card', dataset: {metric: key}}, h('div', {class: 'label'}, label),
    h('div', {class: 'value'}, value));
  return h('section', {class: 'model-detail', dataset: {model: model.id}},
    h('div', {class: 'row title'}, h('h2', {}, model.name), promoteControl(model, actions),
      model.trainingJob ? h('a', {href: `#/models?job=${model.trainingJob}`}, t('models.itsJob')) : null),
    h('div', {class: 'cards'},
      card('validLoss', t('models.validLoss'), num(x.validLoss?.total)),
      card('baselineValidLoss', t('models.baselineValidLoss'), num(x.baselineValidLoss?.total)),
      card('testLoss', t('models.testLoss'), num(x.testLoss?.total)),
      card('baselineTestLoss', t('models.baselineTestLoss'), num(x.baselineTestLoss?.total)),
      card('testIc', t('models.testIc'), withT(x.testIc)),
      card('testRankIc', t('models.testRankIc'), withT(x.testRankIc)),
      card('spread', t('models.spread'), pct(x.testLongShortDecileSpread, 3)),
      card('bestFactor', t('models.bestFactorOf', {factor: x.bestFactor ?? '–'}), withT(x.bestFactorTestRankIc)),
      card('bestEpoch', t('models.bestEpoch'), `${x.bestEpoch ?? '–'}/${x.epochs ?? '–'}${x.stoppedEarly ? ' ' + t('models.stoppedEarly') : ''}`),
      card('speed', t('models.samplesPerSecond'), num(x.samplesPerSecond, 0)),
      card('trainingSeconds', t('models.trainingTime'), duration(x.trainingSeconds))),
    h('div', {class: 'grid'}, headsPanel(model), icTable(x)),
    h('div', {class: 'grid'},
      keyValues(t('models.config'), model.config, `model-${model.id}-config`),
      keyValues(t('models.dataRange'), model.dataRange, `model-${model.id}-data`),
      keyValues(t('models.versions'), model.versions, `model-${model.id}-versions`),
      features(model.features)));
}

/** Loss per head on valid and test, the model beside predicting the training mean. */
function headsPanel(model) {
  const x = model.metrics || {};
  const sets = [['validLoss', t('models.validLoss')], ['baselineValidLoss', t('models.baselineValidLoss')],
    ['testLoss', t('models.testLoss')], ['baselineTestLoss', t('models.baselineTestLoss')]];
  const rows = HEADS.map(head => Object.fromEntries([['head', t(`head.${head}`)], ...sets.map(([key]) => [key, x[key]?.[head] ?? null])]));
  return chartPanel({id: 'model-heads', title: t('models.headsTitle'), height: 280, note: t('models.headsNote'),
    option: barOption({categories: rows.map(r => r.head), series: sets.map(([key, name]) => ({name, data: rows.map(r => r[key])}))}),
    table: {rows, columns: [{key: 'head', label: t('models.head')},
      ...sets.map(([key, label]) => ({key, label, numeric: true, format: v => num(v)}))]}});
}

/** IC and rank IC of the model's return head on the test days beside the best single factor's. */
function icTable(x) {
  const rows = [['testIc', t('models.testIc')], ['testRankIc', t('models.testRankIc')],
    ['bestFactorTestIc', t('models.factorIc', {factor: x.bestFactor ?? '–'})],
    ['bestFactorTestRankIc', t('models.factorRankIc', {factor: x.bestFactor ?? '–'})]]
    .map(([key, label]) => ({label, ...(x[key] || {})}));
  return h('section', {class: 'panel'}, h('header', {}, h('h3', {}, t('models.icTitle', {days: x.testDays ?? '–'}))),
    dataTable({name: 'model-ic', rows, filter: false, columns: [{key: 'label', label: ''},
      ...['mean', 'std', 'ir', 'tStat'].map(k => ({key: k, label: t(`summary.${k}`), numeric: true, format: v => num(v, k === 'tStat' || k === 'ir' ? 2 : 4)})),
      {key: 'days', label: t('summary.days'), numeric: true}]}));
}

function keyValues(title, object, name) {
  const rows = Object.entries(object || {}).map(([key, value]) => ({key, value: typeof value === 'object' && value !== null
    ? JSON.stringify(value) : value}));
  return h('section', {class: 'panel'}, h('header', {}, h('h3', {}, title)),
    dataTable({name, rows, filter: false, columns: [{key: 'key', label: t('models.field')},
      {key: 'value', label: t('models.value'), format: v => (missing(v) ? '–' : String(v))}]}));
}

function features(f) {
  const rows = [...(f?.factors || []).map(n => ({kind: t('models.factor'), name: n})),
    ...(f?.market || []).map(n => ({kind: t('models.market'), name: n})),
    ...(f?.labels || []).map(n => ({kind: t('models.label'), name: n}))];
  return h('section', {class: 'panel'}, h('header', {}, h('h3', {}, t('models.features', {factors: f?.factors?.length ?? 0,
    market: f?.market?.length ?? 0}))), dataTable({name: 'model-features', rows, filter: false, columns: [
    {key: 'kind', label: t('models.kind')}, {key: 'name', label: t('models.name')}]}));
}
