// The one way the desk talks to the platform. Every call goes through request(): same-origin
// cookie, the X-Requested-With marker (so a 401 carries no Basic challenge and the browser shows
// no password dialog), the CSRF token on every change, and problem+json turned into ApiError.

const BASE = '/api/v1'
const PROBLEM_PREFIX = 'urn:reception:problem:'

let csrfToken = null
let onUnauthorized = () => {}
let onActivity = () => {}

export function setCsrfToken(token) {
  csrfToken = token || null
}

/** Called on any 401 outside the sign-in calls themselves: the router sends the user to sign in. */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler
}

/**
 * Called whenever the server answered a request: the server counts the session's idle time from
 * its last request, and so does the page (idle.js).
 */
export function setActivityHandler(handler) {
  onActivity = handler
}

/** A refused request: the problem as the server sent it, its violations, and its stable code. */
export class ApiError extends Error {
  constructor(status, problem, headers) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem || {}
    this.violations = Array.isArray(this.problem.violations) ? this.problem.violations : []
    // The server names the kind in `type` (urn:reception:problem:<code>); a `code` field wins if it ever appears.
    const type = typeof this.problem.type === 'string' ? this.problem.type : ''
    this.code = this.problem.code || (type.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : null)
    this.retryAfter = headers ? headers.get('Retry-After') : null
  }
}

function query(params) {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','))
    } else {
      search.set(key, String(value))
    }
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The URL of an API path, for links the browser follows itself (downloads). */
export function apiUrl(path, params) {
  return BASE + path + query(params)
}

/**
 * @param {string} path under /api/v1, e.g. /petitions/abc
 * @param {object} [options] method, params (query), body (object → JSON; Blob → octet-stream),
 *        headers, ifMatch, signal, auth (false for the sign-in calls: a 401 there is an answer, not a lapse),
 *        background (true for what the page asks by itself, such as polling: it does not count as use,
 *        so a screen left open still ends its session when nobody works at it)
 * @returns {Promise<{status:number, headers:Headers, data:any}>}
 */
export async function request(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase()
  const headers = new Headers(options.headers || {})
  headers.set('X-Requested-With', 'XMLHttpRequest')
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json')
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers.set('X-CSRF-Token', csrfToken)
  if (options.ifMatch) headers.set('If-Match', options.ifMatch)
  if (options.background) headers.set('X-Reception-Background', 'true')

  let body
  if (options.body instanceof Blob) {
    body = options.body
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/octet-stream')
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('Content-Type', 'application/json')
  }

  let response
  try {
    response = await fetch(BASE + path + query(options.params), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    })
  } catch (networkFailure) {
    const error = new ApiError(0, { title: 'network', detail: networkFailure.message })
    error.aborted = networkFailure.name === 'AbortError'
    throw error
  }

  if (!options.background) onActivity()
  const type = response.headers.get('Content-Type') || ''
  let data = null
  if (response.status !== 204 && /json/.test(type)) {
    data = await response.json().catch(() => null)
  } else if (response.status !== 204) {
    data = await response.text().catch(() => null)
  }

  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : { status: response.status, title: response.statusText }
    const error = new ApiError(response.status, problem, response.headers)
    if (response.status === 401 && options.auth !== false) onUnauthorized(error)
    throw error
  }
  return { status: response.status, headers: response.headers, data }
}

/** request() for callers that only need the body. */
export async function api(path, options) {
  return (await request(path, options)).data
}

/** A random v4 UUID; crypto.randomUUID exists only in secure contexts, plain http on a LAN is not one. */
export function uuid() {
  if (globalThis.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
