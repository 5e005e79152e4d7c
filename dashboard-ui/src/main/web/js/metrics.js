// A backtest's figures (named as in metrics.json): their labels, formats and the cards showing them.
import {h} from './dom.js';
import {t} from './i18n.js';
import {pct, num, amount} from './format.js';

/** Figures in display order with their format; ratios as numbers, the rest as percentages. */
export const METRICS = [
  ['total_return', pct], ['annual_return', pct], ['benchmark_return', pct], ['excess_return', pct],
  ['volatility', pct], ['max_drawdown', pct], ['sharpe', num2], ['sortino', num2], ['calmar', num2],
  ['information_ratio', num2], ['alpha', pct], ['beta', num2], ['win_rate', pct], ['turnover', num2],
  ['final_equity', v => amount(v, 0)], ['days', v => amount(v, 0)],
];

function num2(v) {
  return num(v, 2);
}

export const metricLabel = name => t(`metric.${name}`);

export function formatMetric(name, value) {
  const found = METRICS.find(([n]) => n === name);
  return found ? found[1](value) : num(value, 4);
}

/** One card per figure the metrics object has. */
export function metricCards(metrics) {
  return h('div', {class: 'cards', dataset: {metrics: 'true'}}, METRICS.filter(([name]) => name in (metrics || {})).map(([name, f]) =>
    h('div', {class: 'card', dataset: {metric: name}}, h('div', {class: 'label'}, metricLabel(name)), h('div', {class: 'value'}, f(metrics[name])))));
}

/** Table columns for figures (compare and ranked tables): raw values, formatted for display. */
export function metricColumns(names = METRICS.map(([n]) => n), prefix = '') {
  return names.map(name => ({key: prefix + name, label: metricLabel(name), numeric: true, format: v => formatMetric(name, v)}));
}
