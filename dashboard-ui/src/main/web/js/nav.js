// The header: links to every page, the language toggle and the colour convention.
import {h, select} from './dom.js';
import {t} from './i18n.js';
import {language, setLanguage, convention, setConvention, CONVENTIONS} from './settings.js';

export const PAGES = ['overview', 'backtest', 'optimize', 'calendar', 'factors', 'signals', 'data', 'models'];

/** Renders the header for `current`; onChange runs after a display setting changed. */
export function renderNav(root, current, onChange) {
  const links = PAGES.map(p => h('a', {href: `#/${p}`, class: p === current ? 'current' : null,
    'aria-current': p === current ? 'page' : null}, t(`nav.${p}`)));
  const lang = h('button', {type: 'button', class: 'link', title: t('nav.languageTitle'), onclick: () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    onChange();
  }}, language() === 'zh' ? 'English' : '中文');
  const colors = select('colors', CONVENTIONS.map(c => [c, t(`colors.${c}`)]), convention());
  colors.title = t('colors.title');
  colors.addEventListener('change', () => {
    setConvention(colors.value);
    onChange();
  });
  root.replaceChildren(
    h('a', {href: '#/overview', class: 'brand'}, 'AlphaQuant'),
    h('nav', {}, links),
    h('div', {class: 'settings'}, colors, lang));
}
