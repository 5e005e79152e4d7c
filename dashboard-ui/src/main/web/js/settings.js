// The user's display choices, remembered in localStorage: language (zh or en) and which colour
// means "up" (A-share convention: red up, green down; or the Western green up, red down).
const LANG = 'alphaquant.lang';
const COLORS = 'alphaquant.colors';
const RED = '#d62728';
const GREEN = '#1a9641';

export const LANGUAGES = ['zh', 'en'];
export const CONVENTIONS = ['red-up', 'green-up'];

export function language() {
  const saved = localStorage.getItem(LANG);
  return LANGUAGES.includes(saved) ? saved : 'zh';
}

export function setLanguage(lang) {
  localStorage.setItem(LANG, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function convention() {
  const saved = localStorage.getItem(COLORS);
  return CONVENTIONS.includes(saved) ? saved : 'red-up';
}

export function setConvention(value) {
  localStorage.setItem(COLORS, value);
}

/** The colours of a rise and a fall under the chosen convention. */
export function colors() {
  return convention() === 'red-up' ? {up: RED, down: GREEN} : {up: GREEN, down: RED};
}

/** The colour of a signed value: up for > 0, down for < 0, grey otherwise. */
export function signColor(v) {
  if (!(v > 0) && !(v < 0)) return '#8c959f';
  return v > 0 ? colors().up : colors().down;
}

/**
 * Defaults from GET /api/dashboard/settings where the platform has one ({"language": "en",
 * "colours": "green-up"}), for choices this browser has not made yet. Plain fetch: a missing or
 * protected endpoint simply leaves the built-in defaults (zh, red up).
 */
export async function loadDefaults() {
  if (localStorage.getItem(LANG) && localStorage.getItem(COLORS)) return;
  try {
    const r = await fetch('/api/dashboard/settings', {headers: {Accept: 'application/json'}});
    if (!r.ok) return;
    const s = await r.json();
    const lang = s.language ?? s.lang ?? s.locale;
    const colorChoice = s.colours ?? s.colors;
    if (!localStorage.getItem(LANG) && LANGUAGES.includes(lang)) localStorage.setItem(LANG, lang);
    if (!localStorage.getItem(COLORS) && CONVENTIONS.includes(colorChoice)) localStorage.setItem(COLORS, colorChoice);
  } catch {
    // unreachable or not JSON: the built-in defaults stand
  }
}
