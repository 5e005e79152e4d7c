// Every call to the platform's API goes through here: JSON in and out, RFC 9457 problem bodies
// turned into ApiError (status, title, detail, field errors), and a 401 sends the browser to
// the sign-in page, which brings it back afterwards.

export class ApiError extends Error {
  constructor(status, problem) {
    const detail = problem.detail || problem.title || `HTTP ${status}`;
    super(`${status} ${detail}`);
    this.status = status;
    this.title = problem.title || '';
    this.detail = detail;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** The sign-in page with a way back to where the user was. */
export function signInUrl(here = location.pathname + location.search + location.hash) {
  return `/signin.html?next=${encodeURIComponent(here)}`;
}

async function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    throw new ApiError(0, {title: 'Network error', detail: `${path}: ${e.message}`});
  }
  if (response.status === 401) {
    location.assign(signInUrl());
    throw new ApiError(401, await problemOf(response));
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

async function problemOf(response) {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text);
    if (body && typeof body === 'object') return body;
  } catch {
    // not JSON: the status line and the text stand in for a problem body
  }
  return {title: response.statusText, detail: text.slice(0, 300) || response.statusText};
}

export const get = path => request('GET', path);
export const post = (path, body) => request('POST', path, body ?? {});
export const del = path => request('DELETE', path);

/**
 * The signed-in key's role ('read' or 'write') from GET /auth/session; null when the gateway asks
 * for no key or the session is unknown (then the API itself says what is allowed).
 */
export async function sessionRole() {
  try {
    const r = await fetch('/auth/session', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    return r.ok ? (await r.json()).role ?? null : null;
  } catch {
    return null;
  }
}

/** GET that answers null on 404: for endpoints that may not exist yet or data not there yet. */
export async function getOptional(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404) return null;
    throw e;
  }
}

/** "?a=1&b=x" from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
