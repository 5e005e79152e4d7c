// The dashboard: one page at a time in <main>, chosen by the URL's hash (#/backtest?id=...),
// each page its own module loaded on first use.
import {renderNav, PAGES} from './nav.js';
import {disposeCharts} from './chart.js';
import {loading, error} from './states.js';
import {t} from './i18n.js';
import {colors, language, loadDefaults, setLanguage} from './settings.js';

let current = null; // AbortController of the page on screen

/** {page, params} from "#/page?a=1". */
export function parseHash(hash = location.hash) {
  const [path, q] = hash.replace(/^#\/?/, '').split('?');
  return {page: PAGES.includes(path) ? path : 'overview', params: new URLSearchParams(q || '')};
}

/** Goes to a page (a new history entry, so Back works). */
export function navigate(page, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const target = `#/${page}${q.toString() ? '?' + q : ''}`;
  if (location.hash === target) route();
  else location.hash = target;
}

async function route() {
  const {page, params} = parseHash();
  current?.abort();
  const controller = current = new AbortController();
  disposeCharts();
  document.documentElement.style.setProperty('--up', colors().up);
  document.documentElement.style.setProperty('--down', colors().down);
  renderNav(document.getElementById('top'), page, route);
  document.title = `AlphaQuant · ${t(`nav.${page}`)}`;
  const main = document.getElementById('page');
  main.dataset.page = page;
  main.replaceChildren(loading());
  try {
    const module = await import(`./pages/${page}.js`);
    main.replaceChildren();
    await module.render(main, {params, signal: controller.signal, navigate});
  } catch (e) {
    if (!controller.signal.aborted) main.replaceChildren(error(e));
  }
}

window.addEventListener('hashchange', route);
await loadDefaults();
setLanguage(language());
route();
