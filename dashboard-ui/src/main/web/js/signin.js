// Sign-in: the API key is exchanged for the AQ_SESSION cookie (POST /auth/session), then the
// browser goes back to where it was sent from (?next=, same-origin paths only).
import {h, field} from './dom.js';
import {t} from './i18n.js';
import {language, setLanguage} from './settings.js';
import {ApiError} from './api.js';
import {error, show} from './states.js';

/** Only a path on this site: never an absolute URL another site could put in a link. */
export function safeNext(next) {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const message = form.querySelector('.message');
  form.querySelector('button').disabled = true;
  try {
    const response = await fetch('/auth/session', {method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify({key: form.elements.key.value.trim()})});
    if (!response.ok) {
      const body = await response.json().catch(() => ({title: response.statusText}));
      throw new ApiError(response.status, response.status === 401 ? {...body, detail: body.detail || t('signin.wrongKey')} : body);
    }
    location.assign(safeNext(new URLSearchParams(location.search).get('next')));
  } catch (e) {
    show(message, error(e));
    form.querySelector('button').disabled = false;
  }
}

setLanguage(language());
document.title = `AlphaQuant · ${t('signin.title')}`;
document.getElementById('signin').replaceChildren(
  h('h1', {}, 'AlphaQuant'),
  h('form', {id: 'signin-form', onsubmit: signIn},
    field(t('signin.key'), h('input', {name: 'key', type: 'password', autocomplete: 'current-password', required: true,
      size: 40, autofocus: true})),
    h('button', {type: 'submit', class: 'primary'}, t('signin.submit')),
    h('div', {class: 'message'})),
  h('p', {class: 'note'}, t('signin.hint')));
