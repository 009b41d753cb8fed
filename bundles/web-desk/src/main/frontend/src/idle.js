// The session's idle limit as the page sees it. The server ends a desk session after idleMinutes
// without a request (DeskSessions); every answered request resets its clock and this one alike
// (api.js calls activity()). The last activity is shared through localStorage, so that a request
// in another tab of the same browser (the same cookie, the same session) counts here too.
import { reactive, readonly, watch } from 'vue'
import { api, setActivityHandler } from './api.js'
import { session } from './session.js'

const STORAGE_KEY = 'reception.lastActivity'
const WARN_BEFORE_MS = 60_000

const state = reactive({
  warning: false, // within the last minute before the limit
  ended: false, // the limit has passed: the server has ended the session (unless another tab kept it)
  seconds: 0, // seconds left
})

export const idle = readonly(state)

let last = Date.now()
let timer = null

function shared() {
  try {
    return Number(localStorage.getItem(STORAGE_KEY)) || 0
  } catch {
    return 0
  }
}

function tick() {
  const limit = (session.user?.idleMinutes || 0) * 60_000
  if (!session.user || limit <= 0) {
    state.warning = false
    state.ended = false
    return
  }
  const left = Math.max(last, shared()) + limit - Date.now()
  state.seconds = Math.max(0, Math.ceil(left / 1000))
  state.ended = left <= 0
  // A limit of a minute or less warns at its half.
  state.warning = left <= Math.min(WARN_BEFORE_MS, limit / 2)
}

function activity() {
  last = Date.now()
  try {
    localStorage.setItem(STORAGE_KEY, String(last))
  } catch {
    // Storage off: this tab's own requests still count.
  }
  tick()
}

// Set when this module loads (App.vue imports it), before the first navigation asks GET /session.
setActivityHandler(activity)

/** Starts following the session's idle time; called once by the application's root. */
export function watchIdle() {
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) tick()
  })
  document.addEventListener('visibilitychange', tick)
  watch(() => session.user, (user) => {
    clearInterval(timer)
    timer = null
    if (user) {
      timer = setInterval(tick, 1000)
      tick()
    } else {
      state.warning = false
      state.ended = false
    }
  }, { immediate: true })
}

/**
 * Keeps the session: any request does. If it has already ended, the answer is 401 and the
 * router's handler sends the user to sign in and back.
 */
export async function stayActive() {
  await api('/session')
}
