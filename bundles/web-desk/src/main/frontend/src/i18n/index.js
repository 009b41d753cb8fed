// Chinese first; the choice is kept in localStorage. vue-i18n 11 compiles messages to an AST at
// run time (no eval), which the page's CSP allows.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN.js'
import en from './en.js'

const STORAGE_KEY = 'reception.locale'
export const LOCALES = ['zh-CN', 'en']

function initialLocale() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (LOCALES.includes(stored)) return stored
  } catch {
    // Storage may be off (private mode); Chinese then.
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale) {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not kept across visits then; the switch still works for this one.
  }
}

document.documentElement.lang = i18n.global.locale.value
