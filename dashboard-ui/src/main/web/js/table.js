// One table component: sortable columns (click a header), a text filter over every cell, a row
// count and a CSV download of the rows it holds (filtered and sorted as shown).
import {h} from './dom.js';
import {t} from './i18n.js';
import {downloadCsv} from './csv.js';
import {missing} from './format.js';

const SHOWN = 1000; // rows drawn at most; the CSV always has every filtered row

/**
 * columns: [{key, label, format?(value, row), numeric?, className?(value, row), cell?(value, row) -> Node}]
 * rows: plain objects (cell draws a control or link in place of the text, which still filters and
 * goes into the CSV; csv: false leaves a column out of it). name: the CSV file's name.
 */
export function dataTable({columns, rows, name = 'table', filter = true}) {
  let sortKey = null;
  let ascending = true;
  let needle = '';
  const body = h('tbody');
  const count = h('span', {class: 'count'});
  const headers = columns.map(c => h('th', {class: c.numeric ? 'num sortable' : 'sortable', dataset: {key: c.key},
    onclick: () => sortBy(c.key)}, c.label ?? c.key));

  const text = (c, row) => (c.format ? c.format(row[c.key], row) : missing(row[c.key]) ? '' : String(row[c.key]));

  function visible() {
    let shown = rows;
    if (needle) {
      const q = needle.toLowerCase();
      shown = shown.filter(row => columns.some(c => text(c, row).toLowerCase().includes(q)));
    }
    if (sortKey !== null) {
      shown = [...shown].sort((a, b) => compare(a[sortKey], b[sortKey], ascending ? 1 : -1));
    }
    return shown;
  }

  function render() {
    const shown = visible();
    body.replaceChildren(...shown.slice(0, SHOWN).map(row => h('tr', {}, columns.map(c =>
      h('td', {class: [c.numeric ? 'num' : '', c.className ? c.className(row[c.key], row) : ''].join(' ').trim() || null},
        c.cell ? c.cell(row[c.key], row) : text(c, row))))));
    count.textContent = shown.length > SHOWN
      ? t('table.countCut', {shown: SHOWN, n: shown.length, total: rows.length})
      : t('table.count', {n: shown.length, total: rows.length});
    headers.forEach(th => th.classList.toggle('asc', th.dataset.key === sortKey && ascending));
    headers.forEach(th => th.classList.toggle('desc', th.dataset.key === sortKey && !ascending));
  }

  function sortBy(key) {
    ascending = sortKey === key ? !ascending : true;
    sortKey = key;
    render();
  }

  const tools = h('div', {class: 'table-tools'},
    filter ? h('input', {type: 'search', class: 'filter', placeholder: t('table.filter'),
      oninput: e => { needle = e.target.value.trim(); render(); }}) : null,
    count,
    h('button', {type: 'button', class: 'link', onclick: () => downloadCsv(name, columns.filter(c => c.csv !== false), visible())}, t('table.csv')));
  render();
  return h('div', {class: 'data-table'}, tools,
    h('div', {class: 'scroll'}, h('table', {}, h('thead', {}, h('tr', {}, headers)), body)));
}

/** Numbers numerically, everything else as text, in `sign`'s direction; missing values last either way. */
function compare(a, b, sign) {
  const am = missing(a) || a === '', bm = missing(b) || b === '';
  if (am || bm) return am === bm ? 0 : am ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * String(a).localeCompare(String(b));
}

/** Columns for rows whose shape the page does not fix: every key of the first rows, numbers right-aligned. */
export function autoColumns(rows) {
  const keys = [...new Set(rows.slice(0, 20).flatMap(r => Object.keys(r)))];
  return keys.map(key => {
    const numeric = rows.some(r => typeof r[key] === 'number');
    return {key, label: key, numeric, format: v => (v === null || v === undefined ? ''
      : typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : typeof v === 'object' ? JSON.stringify(v) : String(v))};
  });
}
