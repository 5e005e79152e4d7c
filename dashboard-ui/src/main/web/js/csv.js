// CSV files of what a chart or table shows: RFC 4180 quoting, raw numbers (not the formatted text).

/** columns: [{key, label}], rows: objects; a cell is row[key]. */
export function toCsv(columns, rows) {
  const cell = v => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.map(c => cell(c.label ?? c.key)).join(',')];
  for (const row of rows) lines.push(columns.map(c => cell(row[c.key])).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Saves the rows as a file named `name` (".csv" added when missing). */
export function downloadCsv(name, columns, rows) {
  const blob = new Blob(['\ufeff' + toCsv(columns, rows)], {type: 'text/csv;charset=utf-8'}); // BOM: Excel reads UTF-8
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name.endsWith('.csv') ? name : `${name}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
