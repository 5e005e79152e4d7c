// What every dashboard page shares. Plain SVG and fetch, no libraries: the dashboard is static
// files the gateway serves.
const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and, optionally, text. */
function el(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The JSON body of a response, or an Error carrying its RFC 9457 problem (title, detail, field: reason). */
async function problem(r) {
  if (r.ok) return r.json();
  const body = await r.json().catch(() => ({}));
  const fields = (body.errors || []).map(e => `${e.field}: ${e.reason}`).join('\n');
  throw new Error(`${r.status} ${body.title || ''} ${body.detail || ''}\n${fields}`);
}
