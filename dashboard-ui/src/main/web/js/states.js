// The explicit states a panel can be in besides showing data: loading, empty, error.
import {h} from './dom.js';
import {t} from './i18n.js';

export function loading(text = t('state.loading')) {
  return h('div', {class: 'state loading', role: 'status'}, text);
}

export function empty(text = t('state.empty')) {
  return h('div', {class: 'state empty'}, text);
}

/** An error: the problem body's detail and each field error (field: reason). */
export function error(err) {
  const fields = (err.errors || []).map(e => h('li', {}, e.field ? `${e.field}: ${e.reason}` : e.reason));
  return h('div', {class: 'state error', role: 'alert'},
    h('strong', {}, err.status ? `${t('state.error')} (${err.status}${err.title ? ' ' + err.title : ''})` : t('state.error')),
    h('div', {class: 'detail'}, err.detail || err.message),
    fields.length ? h('ul', {}, fields) : null);
}

/** Marks the form's inputs a problem names (errors[].field, e.g. "startDate" or "stocks[2]"). */
export function markFields(form, err) {
  form.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
  for (const e of err.errors || []) {
    const name = String(e.field || '').replace(/^base\./, '').split(/[.[]/)[0];
    const input = name && form.elements.namedItem(name);
    if (input && input.classList) {
      input.classList.add('invalid');
      input.title = e.reason;
    }
  }
}

/** Shows `content` in `slot`, replacing what was there. */
export function show(slot, ...content) {
  slot.replaceChildren(...content.filter(Boolean));
}

/**
 * Wires a form's submit: the handler runs with the button disabled; a failure marks the fields
 * its problem names and shows it in `message`.
 */
export function onSubmit(form, message, handler) {
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show(message);
    form.querySelectorAll('.invalid').forEach(el => el.classList.remove('invalid'));
    try {
      await handler();
    } catch (err) {
      markFields(form, err);
      show(message, error(err));
    } finally {
      button.disabled = false;
    }
  });
}
