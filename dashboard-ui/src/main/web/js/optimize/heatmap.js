// An optimisation grid as a heatmap over two chosen parameters: each cell the best objective
// value over the grid's other parameters (the best for the objective's direction).
import {h, field, select} from '../dom.js';
import {t} from '../i18n.js';
import {chartPanel} from '../chart.js';
import {heatmapOption} from '../options.js';
import {formatMetric} from '../metrics.js';

const SEQUENTIAL = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

export function gridHeatmap(job, names) {
  const slot = h('div');
  const xSelect = select('x', names, names[0]);
  const ySelect = select('y', names, names[1] ?? names[0]);
  const draw = () => slot.replaceChildren(panel(job, xSelect.value, ySelect.value));
  xSelect.addEventListener('change', draw);
  ySelect.addEventListener('change', draw);
  draw();
  return h('div', {}, h('div', {class: 'row'}, field(t('optimize.xAxis'), xSelect), field(t('optimize.yAxis'), ySelect)), slot);
}

/** [{x, y, value}] for every (x, y) pair of values, the best value over the other parameters. */
export function bestByPair(grid, xName, yName, lowerIsBetter) {
  const best = new Map();
  for (const p of grid) {
    const v = p.objectiveValue;
    if (v === null || !Number.isFinite(v)) continue;
    const key = JSON.stringify([p.parameters[xName], p.parameters[yName]]);
    const seen = best.get(key);
    if (seen === undefined || (lowerIsBetter ? v < seen : v > seen)) best.set(key, v);
  }
  return [...best].map(([key, value]) => {
    const [x, y] = JSON.parse(key);
    return {x, y, value};
  });
}

const sortedValues = (grid, name) => [...new Set(grid.map(p => p.parameters[name]))].sort((a, b) => (a > b ? 1 : a < b ? -1 : 0));

function panel(job, xName, yName) {
  const grid = job.grid;
  const metric = job.best?.objective;
  const cells = bestByPair(grid, xName, yName, job.objective === 'min_drawdown');
  const xs = sortedValues(grid, xName), ys = sortedValues(grid, yName);
  const values = cells.map(c => c.value);
  return chartPanel({id: 'optimize-heatmap', title: t('optimize.heatmapTitle', {objective: t(`objective.${job.objective}`)}),
    height: Math.max(260, 70 + 36 * ys.length),
    option: heatmapOption({x: xs.map(String), y: ys.map(String), xName, yName, palette: SEQUENTIAL,
      kind: ['total_return', 'max_drawdown'].includes(metric) ? 'pct' : 'num',
      min: Math.min(...values), max: Math.max(...values),
      cells: cells.map(c => [xs.indexOf(c.x), ys.indexOf(c.y), c.value])}),
    table: {rows: cells, columns: [{key: 'x', label: xName}, {key: 'y', label: yName}, {key: 'value', label: t(`objective.${job.objective}`), numeric: true, format: v => formatMetric(metric, v)}]}});
}
