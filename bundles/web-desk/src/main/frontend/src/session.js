// Who is signed in, with which roles, and the CSRF token of the session. The session itself is an
// HttpOnly cookie the page never sees; this only mirrors what GET /session says about it.
import { reactive, readonly } from 'vue'
import { api, setCsrfToken } from './api.js'

const state = reactive({
  checked: false, // GET /session was asked once since the page loaded
  user: null, // { name, roles: [{role, scope}], idleMinutes }
  today: null, // the platform's today (China Standard Time), which deadlines are counted by
})

export const session = readonly(state)

function adopt(body) {
  state.user = { name: body.name, roles: body.roles || [], idleMinutes: body.idleMinutes }
  setCsrfToken(body.csrfToken)
  loadClock()
}

/** Registration answers (with their query codes) the receipt page reads: never left for the next person. */
const REGISTERED = 'reception.registered.'

function forget() {
  state.user = null
  setCsrfToken(null)
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(REGISTERED)) sessionStorage.removeItem(key)
  }
}

/** The platform's date, not the browser's: a desk whose computer clock is wrong still colours deadlines right. */
async function loadClock() {
  try {
    const clock = await api('/clock')
    state.today = clock.today
  } catch {
    state.today = null
  }
}

/** Restores the session on page load; resolves either way. */
export async function restoreSession() {
  if (state.checked) return state.user
  try {
    adopt(await api('/session', { auth: false }))
  } catch {
    forget()
  }
  state.checked = true
  return state.user
}

export async function signIn(name, password) {
  const body = await api('/session', { method: 'POST', body: { name, password }, auth: false })
  adopt(body)
  state.checked = true
  return state.user
}

export async function signOut() {
  try {
    await api('/session', { method: 'DELETE', auth: false })
  } finally {
    forget()
  }
}

/** Called when any request answered 401: the session has ended on the server. */
export function sessionLapsed() {
  forget()
}

export function hasRole(...names) {
  return !!state.user && state.user.roles.some((grant) => names.includes(grant.role))
}

/** The scopes of a role the user holds, e.g. scopes('clerk') → ['520102']. */
export function scopes(name) {
  return state.user ? state.user.roles.filter((grant) => grant.role === name && grant.scope).map((g) => g.scope) : []
}

/** Today as yyyy-MM-dd in China Standard Time, from the platform's clock if known. */
export function today() {
  if (state.today) return state.today
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
}
