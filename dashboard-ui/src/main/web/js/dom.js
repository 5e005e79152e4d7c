// Building DOM nodes from data (never from markup strings), so that no text from an API is ever parsed as HTML.

/**
 * An element: h('button', {class: 'primary', onclick: fn}, 'Run'). Attributes starting with "on"
 * become listeners (added in code: the CSP forbids inline handlers); null and false are skipped;
 * children may be strings, nodes, arrays or null.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** A labelled form control: <label>text <input ...></label>. */
export function field(label, control) {
  return h('label', {}, h('span', {}, label), control);
}

/** A <select> with options given as [value, label] pairs or plain values. */
export function select(name, options, selected) {
  return h('select', {name}, options.map(o => {
    const [value, label] = Array.isArray(o) ? o : [o, o];
    return h('option', {value, selected: String(value) === String(selected)}, label);
  }));
}

/** A form's fields as trimmed strings by name. */
export function formValues(form) {
  return Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v).trim()]));
}

/** A number from a text field; undefined when empty (the API's default applies). */
export function numberOrUndefined(text) {
  return text === '' || text === undefined ? undefined : Number(text);
}

/** "a, b,c" -> ["a", "b", "c"]. */
export function list(text) {
  return String(text || '').split(/[\s,，]+/).filter(Boolean);
}
