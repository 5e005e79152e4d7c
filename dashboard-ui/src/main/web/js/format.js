// Number formatting shared by tables, tooltips and cards; missing values show as an en dash.
const MISSING = '–';

const missing = v => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

/** 0.1234 -> "12.34%". */
export function pct(v, digits = 2) {
  return missing(v) ? MISSING : `${(v * 100).toFixed(digits)}%`;
}

/** A plain number with fixed decimals. */
export function num(v, digits = 4) {
  return missing(v) ? MISSING : Number(v).toFixed(digits);
}

/** Money or counts with thousands separators. */
export function amount(v, digits = 2) {
  return missing(v) ? MISSING : Number(v).toLocaleString('en-US', {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

/** An ISO instant as local "yyyy-MM-dd HH:mm:ss". */
export function instant(v) {
  if (!v) return MISSING;
  const d = new Date(v);
  const p = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Seconds as "1 h 02 m", "3 m 05 s" or "42 s". */
export function duration(seconds) {
  if (missing(seconds)) return MISSING;
  const s = Math.max(0, Math.round(seconds));
  const p = n => String(n).padStart(2, '0');
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${p(Math.floor(s / 60) % 60)} m`;
  if (s >= 60) return `${Math.floor(s / 60)} m ${p(s % 60)} s`;
  return `${s} s`;
}

export {missing};
