// Labels in Chinese and English. Every key carries both texts side by side ([en, zh]) so that a
// missing translation is visible in review (and DashboardFilesTest checks each key used exists).
import {language} from './settings.js';
import {LABELS} from './labels.js';

/** The label for `key` in the current language, with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const pair = LABELS[key];
  if (!pair) {
    console.warn(`no label ${key}`);
    return key;
  }
  const text = pair[language() === 'zh' ? 1 : 0];
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** A label when the key exists, else the fallback (API values such as metric names). */
export function tOr(key, fallback) {
  return LABELS[key] ? t(key) : fallback;
}
