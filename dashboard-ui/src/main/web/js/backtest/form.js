// The backtest request's fields (strategy, stocks or universe, dates, capital, costs, preset,
// benchmark), shared by the backtest and optimisation forms, and the request body built from them.
import {h, field, select, numberOrUndefined, list} from '../dom.js';
import {t} from '../i18n.js';

export const STRATEGIES = ['buy_and_hold', 'multi_factor'];
export const PRESETS = ['multi_factor', 'multi_factor_conservative', 'multi_factor_aggressive'];
export const DEFAULTS = {strategy: 'buy_and_hold', stocks: ['600000.SH', '600519.SH', '000001.SZ', '300750.SZ'],
  startDate: '2022-01-04', endDate: '2022-12-20', initialCapital: 1000000, commission: 0.0003, benchmark: '000300.SH'};

/** The fields, filled from `values` (a BacktestRequest). */
export function backtestFields(values = DEFAULTS) {
  const universe = select('universe', [['', t('backtest.listed')], ['all', t('backtest.all')], ['000300.SH', t('backtest.csi300')]],
    values.universe ?? '');
  const stocks = h('input', {name: 'stocks', size: 40, value: (values.stocks || []).join(','), title: t('backtest.stocksHint')});
  const strategy = select('strategy', STRATEGIES.map(s => [s, t(`strategy.${s}`)]), values.strategy);
  const preset = select('strategyPreset', [['', '–'], ...PRESETS], values.strategyPreset ?? '');
  const sync = () => {
    stocks.disabled = universe.value !== '';
    preset.disabled = strategy.value !== 'multi_factor';
  };
  universe.addEventListener('change', sync);
  strategy.addEventListener('change', sync);
  sync();
  const input = (name, attrs) => h('input', {name, value: values[name] ?? '', ...attrs});
  return [
    field(t('backtest.strategy'), strategy), field(t('backtest.preset'), preset),
    field(t('backtest.universe'), universe), field(t('backtest.stocks'), stocks),
    field(t('backtest.start'), input('startDate', {type: 'date', required: true})),
    field(t('backtest.end'), input('endDate', {type: 'date', required: true})),
    field(t('backtest.capital'), input('initialCapital', {type: 'number', min: 0, step: 'any'})),
    field(t('backtest.commission'), input('commission', {type: 'number', min: 0, step: 'any'})),
    field(t('backtest.slippage'), input('slippage', {type: 'number', min: 0, step: 'any', placeholder: t('backtest.default')})),
    field(t('backtest.benchmarkCode'), input('benchmark', {size: 10})),
  ];
}

/** The API's BacktestRequest from the form's values: empty fields left out (the service's defaults apply). */
export function requestBody(v) {
  return {
    strategy: v.strategy, startDate: v.startDate, endDate: v.endDate,
    stocks: v.universe ? undefined : list(v.stocks), universe: v.universe || undefined,
    initialCapital: numberOrUndefined(v.initialCapital), commission: numberOrUndefined(v.commission),
    slippage: numberOrUndefined(v.slippage), benchmark: v.benchmark || undefined,
    strategyPreset: v.strategy === 'multi_factor' && v.strategyPreset ? v.strategyPreset : undefined,
  };
}
