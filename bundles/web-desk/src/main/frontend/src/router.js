// Hash history: the platform serves one index.html under /desk/ and needs no rewrite rules.
// Every screen but sign-in is lazy, so the first screen loads only what it shows.
import { createRouter, createWebHashHistory } from 'vue-router'
import { restoreSession, session, hasRole, sessionLapsed } from './session.js'
import { setUnauthorizedHandler } from './api.js'

/** Which roles use which screen; the navigation shows only these. */
export const SCREENS = [
  { name: 'register', roles: ['clerk'] },
  { name: 'queue', roles: ['clerk', 'supervisor'] },
  { name: 'inbox', roles: ['unit'] },
  { name: 'board', roles: ['supervisor'] },
  { name: 'dashboard', roles: ['supervisor', 'auditor', 'admin'] },
  { name: 'rules', roles: ['rules-admin'] },
  { name: 'accounts', roles: ['admin'] },
]

const CASE_READERS = ['clerk', 'unit', 'supervisor']

const routes = [
  { path: '/signin', name: 'signin', component: () => import('./views/SignIn.vue'), meta: { public: true } },
  { path: '/register', name: 'register', component: () => import('./views/Register.vue'), meta: { roles: ['clerk'] } },
  { path: '/receipt/:id', name: 'receipt', component: () => import('./views/Receipt.vue'), props: true, meta: { roles: ['clerk'] } },
  { path: '/queue', name: 'queue', component: () => import('./views/Queue.vue'), props: { mode: 'queue' }, meta: { roles: ['clerk', 'supervisor'] } },
  { path: '/inbox', name: 'inbox', component: () => import('./views/Queue.vue'), props: { mode: 'inbox' }, meta: { roles: ['unit'] } },
  { path: '/board', name: 'board', component: () => import('./views/Board.vue'), meta: { roles: ['supervisor'] } },
  { path: '/case/:id', name: 'case', component: () => import('./views/CaseView.vue'), props: true, meta: { roles: CASE_READERS } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/Dashboard.vue'), meta: { roles: ['supervisor', 'auditor', 'admin'] } },
  { path: '/rules', name: 'rules', component: () => import('./views/Rules.vue'), meta: { roles: ['rules-admin'] } },
  { path: '/accounts', name: 'accounts', component: () => import('./views/Accounts.vue'), meta: { roles: ['admin'] } },
  { path: '/', name: 'home', component: () => import('./views/Home.vue') },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

/** Where each kind of account starts: its daily work first, the case list last. */
const HOME_ORDER = ['register', 'inbox', 'board', 'rules', 'dashboard', 'accounts', 'queue']

/** The first screen of the user's roles. */
export function homeRoute() {
  const screen = HOME_ORDER.map((name) => SCREENS.find((s) => s.name === name)).find((s) => hasRole(...s.roles))
  return screen ? { name: screen.name } : { name: 'home' }
}

router.beforeEach(async (to) => {
  await restoreSession()
  // The sign-in form stays reachable while signed in: the page may believe in a session the
  // server has already ended, and signing in again simply replaces it.
  if (to.meta.public) return true
  if (!session.user) {
    return { name: 'signin', query: { redirect: to.fullPath } }
  }
  if (to.name === 'home') {
    const home = homeRoute()
    return home.name === 'home' ? true : home
  }
  if (to.meta.roles && !hasRole(...to.meta.roles)) {
    return homeRoute()
  }
  return true
})

// A 401 from any call means the session ended (idle, restart, signed out elsewhere): sign in
// again and come back to where the user was.
setUnauthorizedHandler(() => {
  sessionLapsed()
  const current = router.currentRoute.value
  if (current.name !== 'signin') {
    router.replace({ name: 'signin', query: { redirect: current.fullPath } })
  }
})
