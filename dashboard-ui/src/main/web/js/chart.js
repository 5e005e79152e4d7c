// The ECharts wrapper: every chart is a panel with a title, the chart, and its numbers one click
// away (a table toggle and a CSV download). ECharts itself is the webjar's dist build, loaded as
// a classic script (window.echarts) by index.html.
import {h} from './dom.js';
import {t} from './i18n.js';
import {dataTable} from './table.js';
import {downloadCsv} from './csv.js';
import {empty} from './states.js';

const live = new Set(); // instances on the current page, disposed when the page changes

/**
 * A chart panel. id names it (data-chart, used by tests and CSV file names); option is an
 * ECharts option; table {columns, rows} holds the numbers behind it. The chart is drawn once
 * the panel has a size (ResizeObserver), so it may be built before it is attached.
 */
export function chartPanel({id, title, option, table, height = 320, note}) {
  const box = h('div', {class: 'chart'});
  box.style.height = `${height}px`;
  const tableBox = h('div', {class: 'chart-table', hidden: true});
  const toggle = h('button', {type: 'button', class: 'link', onclick: flip}, t('chart.showTable'));
  const panel = h('section', {class: 'panel', dataset: {chart: id}},
    h('header', {}, h('h3', {}, title), h('div', {class: 'tools'}, toggle,
      h('button', {type: 'button', class: 'link', onclick: () => downloadCsv(id, table.columns, table.rows)}, t('table.csv')))),
    box, tableBox, note ? h('p', {class: 'note'}, note) : null);

  if (!table.rows.length) {
    box.replaceWith(empty());
    return panel;
  }
  if (!window.echarts) {
    box.replaceWith(empty(t('chart.noEcharts')));
    return panel;
  }
  const entry = {chart: null, observer: null};
  entry.observer = new ResizeObserver(() => {
    if (!box.clientWidth || !box.clientHeight) return;
    if (!entry.chart) {
      entry.chart = window.echarts.init(box);
      entry.chart.setOption(withDefaults(option));
      panel.dataset.ready = 'true';
    } else {
      entry.chart.resize();
    }
  });
  entry.observer.observe(box);
  live.add(entry);

  function flip() {
    const showTable = tableBox.hidden;
    if (showTable && !tableBox.firstChild) tableBox.append(dataTable({...table, name: id}));
    tableBox.hidden = !showTable;
    box.hidden = showTable;
    toggle.textContent = showTable ? t('chart.showChart') : t('chart.showTable');
  }
  return panel;
}

/** The toolbox (save as image) and tooltip every chart has unless its option says otherwise. */
function withDefaults(option) {
  return {
    animation: false,
    tooltip: {trigger: 'axis', confine: true},
    toolbox: {right: 8, feature: {saveAsImage: {title: t('chart.save')}}},
    grid: {left: 64, right: 40, top: 48, bottom: 56, containLabel: false},
    ...option,
  };
}

/** Disposes every chart of the page being left. */
export function disposeCharts() {
  for (const {chart, observer} of live) {
    observer.disconnect();
    chart?.dispose();
  }
  live.clear();
}
