// ECharts option builders: pure functions from data to an option object (no DOM, no fetch), one
// per kind of chart the pages draw.
import {pct, num} from './format.js';

// small percentages keep two decimals, so that axis ticks such as 0.05% and 0.10% stay distinct
const formatter = kind => (kind === 'pct' ? v => pct(v, Math.abs(v) < 0.01 ? 2 : 1) : v => num(v, Math.abs(v) >= 100 ? 0 : 2));

/**
 * Lines over a category axis (dates, epochs). series: [{name, data, color?, area?, reference?}];
 * data aligned with x, null for gaps; reference {value, name} draws a dashed horizontal line at
 * value in the series' colour (not a point of its data). yKind 'pct' formats the axis and tooltip
 * as percentages; symbols marks each point (for short series, where a lone point has no line).
 */
export function lineOption({x, series, yName, yKind = 'num', zoom = true, yMin, symbols = false}) {
  const f = formatter(yKind);
  // ECharts leaves mark lines out of the axis extent: with references, the axis spans them too
  const references = series.filter(s => s.reference).map(s => s.reference.value);
  const fixed = references.length && yMin === undefined
    ? niceBounds([...references, ...series.flatMap(s => s.data)].filter(v => v !== null && Number.isFinite(v))) : {};
  return {
    legend: {top: 6, left: 'center'},
    tooltip: {trigger: 'axis', valueFormatter: v => f(v)},
    xAxis: {type: 'category', data: x, boundaryGap: false},
    yAxis: {type: 'value', name: yName, scale: yMin === undefined, min: yMin ?? fixed.min, max: fixed.max, interval: fixed.interval,
      axisLabel: {formatter: fixed.interval ? v => num(v, Math.max(2, Math.ceil(-Math.log10(fixed.interval)))) : f}},
    dataZoom: zoom ? [{type: 'inside'}, {type: 'slider', height: 18, bottom: 8}] : undefined,
    series: series.map(s => ({
      name: s.name, type: 'line', data: s.data, showSymbol: symbols, connectNulls: false,
      lineStyle: {width: 1.5}, color: s.color, areaStyle: s.area ? {opacity: 0.35} : undefined,
      markLine: s.reference ? referenceLine(s.reference, f) : undefined,
    })),
  };
}

/** An axis range over `values` on a round step (1, 2, 2.5 or 5 × 10^k), about five steps in all. */
export function niceBounds(values) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const raw = (hi - lo || Math.abs(hi) || 1) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const interval = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(step => step >= raw);
  const round = v => Number(v.toPrecision(12)); // 0.1 * 3 is 0.30000000000000004
  const min = Math.floor(lo / interval) * interval;
  const max = Math.ceil(hi / interval) * interval;
  return max > min ? {min: round(min), max: round(max), interval} : {min: round(min - interval), max: round(max + interval), interval};
}

function referenceLine({value, name}, f) {
  return {symbol: 'none', silent: true, lineStyle: {type: 'dashed', width: 1.2},
    label: {position: 'insideEndTop', formatter: () => `${name} ${f(value)}`}, data: [{yAxis: value, name}]};
}

/**
 * Bars over categories. series: [{name, data, colorOf?(value)}]; colorOf paints each bar (e.g. by
 * sign); labels: optional text per bar shown above it (e.g. "t=2.1").
 */
export function barOption({categories, series, yName, yKind = 'num', labels, xName}) {
  const f = formatter(yKind);
  return {
    legend: series.length > 1 ? {top: 6, left: 'center'} : undefined,
    tooltip: {trigger: 'axis', valueFormatter: v => f(v)},
    xAxis: {type: 'category', data: categories, name: xName},
    yAxis: {type: 'value', name: yName, axisLabel: {formatter: f}},
    series: series.map(s => ({
      name: s.name, type: 'bar',
      data: s.data.map((v, i) => ({value: v, itemStyle: s.colorOf ? {color: s.colorOf(v)} : undefined,
        label: labels ? {show: true, position: v < 0 ? 'bottom' : 'top', formatter: () => labels[i] ?? ''} : undefined})),
    })),
  };
}

/** A histogram of pre-computed bins [{from, to, count}], each bar coloured by colorOf(mid). */
export function histogramOption({bins, xKind = 'pct', colorOf, yName}) {
  const f = formatter(xKind);
  return {
    tooltip: {trigger: 'axis', formatter: ([p]) => `${f(bins[p.dataIndex].from)} … ${f(bins[p.dataIndex].to)}: ${p.value}`},
    xAxis: {type: 'category', data: bins.map(b => f((b.from + b.to) / 2))},
    yAxis: {type: 'value', name: yName, minInterval: 1},
    series: [{type: 'bar', barCategoryGap: '2%', name: yName,
      data: bins.map(b => ({value: b.count, itemStyle: colorOf ? {color: colorOf((b.from + b.to) / 2)} : undefined}))}],
  };
}

/**
 * A heatmap: cells [[xIndex, yIndex, value|null]] over x and y labels, coloured on a diverging
 * scale [low, middle, high] symmetric around 0 unless min/max are given.
 */
export function heatmapOption({x, y, cells, palette, kind = 'num', min, max, xName, yName, labels = true}) {
  const f = kind === 'pct' ? v => pct(v, 1) : v => num(v, 2);
  const text = v => (typeof v === 'number' ? f(v) : '–'); // ECharts marks an empty cell '-'
  const values = cells.map(c => c[2]).filter(v => v !== null && Number.isFinite(v));
  const extent = Math.max(1e-12, ...values.map(Math.abs));
  return {
    tooltip: {trigger: 'item', formatter: p => `${y[p.value[1]]} × ${x[p.value[0]]}: ${text(p.value[2])}`},
    grid: {left: 110, right: 90, top: 40, bottom: 90},
    xAxis: {type: 'category', data: x, name: xName, splitArea: {show: true}, axisLabel: {rotate: x.length > 12 ? 60 : 0, interval: 0}},
    yAxis: {type: 'category', data: y, name: yName, splitArea: {show: true}, axisLabel: {interval: 0}},
    visualMap: {min: min ?? -extent, max: max ?? extent, calculable: true, orient: 'vertical', right: 8, top: 'center',
      inRange: {color: palette}, formatter: v => f(v)},
    series: [{type: 'heatmap', data: cells.map(c => [c[0], c[1], c[2] === null ? '-' : c[2]]),
      label: {show: labels, fontSize: 9, formatter: p => (typeof p.value[2] === 'number' ? f(p.value[2]) : '')},
      emphasis: {itemStyle: {borderColor: '#333', borderWidth: 1}}}],
  };
}

/** Horizontal bars, one per label from the top, each with its own colour (e.g. signals by score). */
export function rankedBarOption({labels, values, colors, name, max}) {
  return {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: v => num(v, 3)},
    grid: {left: 90, right: 40, top: 30, bottom: 30},
    xAxis: {type: 'value', min: 0, max, name},
    yAxis: {type: 'category', data: labels, inverse: true, axisLabel: {interval: 0}},
    series: [{type: 'bar', name, data: values.map((v, i) => ({value: v, itemStyle: {color: colors[i]}}))}],
  };
}
