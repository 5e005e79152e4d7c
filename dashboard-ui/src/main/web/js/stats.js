// Figures the pages derive from an equity curve: pure functions, no DOM.

/** Day-over-day returns; the first day's against `base` (the initial capital) when given. */
export function dailyReturns(equity, base) {
  const out = [];
  let previous = base ?? null;
  for (const e of equity) {
    if (previous !== null && previous > 0) out.push(e / previous - 1);
    previous = e;
  }
  return out;
}

/**
 * Equal-width bins over the values' range: [{from, to, count}]; the last bin includes its upper
 * end. At least one bin; an empty input gives none.
 */
export function histogram(values, bins = 30) {
  const finite = values.filter(Number.isFinite);
  if (!finite.length) return [];
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const width = hi > lo ? (hi - lo) / bins : 1;
  const n = hi > lo ? bins : 1;
  const out = Array.from({length: n}, (_, i) => ({from: lo + i * width, to: lo + (i + 1) * width, count: 0}));
  for (const v of finite) out[Math.min(n - 1, Math.floor((v - lo) / width))].count++;
  return out;
}

/**
 * Compounded return of each calendar month: the month's last equity over the previous month's
 * last (the first month's over `base`, else over its first day's equity). dates are yyyy-MM-dd.
 * Returns [{year, month (1-12), value}] in date order.
 */
export function monthlyReturns(dates, equity, base) {
  const out = [];
  let previousEnd = base ?? equity[0];
  for (let i = 0; i < dates.length; i++) {
    const lastOfMonth = i === dates.length - 1 || dates[i + 1].slice(0, 7) !== dates[i].slice(0, 7);
    if (!lastOfMonth) continue;
    out.push({year: Number(dates[i].slice(0, 4)), month: Number(dates[i].slice(5, 7)), value: equity[i] / previousEnd - 1});
    previousEnd = equity[i];
  }
  return out;
}

/** Each value over the first finite one (curves of different sizes on one axis, 1 = start). */
export function rebased(values) {
  const first = values.find(v => Number.isFinite(v) && v !== 0);
  return values.map(v => (Number.isFinite(v) && first ? v / first : null));
}

/** Drawdown below the running peak (0 at a peak, negative below). */
export function drawdown(values) {
  let peak = -Infinity;
  return values.map(v => {
    peak = Math.max(peak, v);
    return peak > 0 ? v / peak - 1 : 0;
  });
}
