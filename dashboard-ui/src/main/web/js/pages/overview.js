// Overview: what each page shows, and whether each API area answers through the gateway.
import {h} from '../dom.js';
import {t} from '../i18n.js';
import {PAGES} from '../nav.js';

const AREAS = [['data', '/api/data/status'], ['factors', '/api/factors/catalog'], ['models', '/api/models'],
  ['backtests', '/api/backtests?limit=1'], ['strategies', '/api/strategies']];

export async function render(main) {
  main.append(
    h('h1', {}, t('overview.title')),
    h('p', {}, t('overview.intro')),
    h('ul', {class: 'pages'}, PAGES.filter(p => p !== 'overview').map(p =>
      h('li', {}, h('a', {href: `#/${p}`}, t(`nav.${p}`)), ' — ', t(`overview.${p}`)))),
    h('h2', {}, t('overview.services')),
    h('div', {class: 'services'}, AREAS.map(card)));
}

/** A card that checks one area: any answer below 500 (a 404 or 401 included) proves it is reachable. */
function card([area, path]) {
  const state = h('div', {class: 'state-line'}, t('overview.checking'));
  fetch(path, {credentials: 'same-origin'}).then(r => {
    const up = r.status < 500;
    state.textContent = up ? t('overview.reachable') : t('overview.unavailable', {status: r.status});
    state.className = up ? 'ok' : 'bad';
  }).catch(() => {
    state.textContent = t('overview.unavailable', {status: '–'});
    state.className = 'bad';
  });
  return h('div', {class: 'card'}, h('div', {class: 'label'}, t(`area.${area}`)), state, h('code', {}, path));
}
