// Dates as the desk shows them: China Standard Time, whatever the computer's zone, because every
// legal time limit is counted in it.
import { today } from './session.js'

const CST = 'Asia/Shanghai'

export function dateTime(instant) {
  if (!instant) return ''
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return String(instant)
  return d.toLocaleString('sv-SE', { timeZone: CST, hour12: false }).slice(0, 16)
}

export function date(instant) {
  return instant ? dateTime(instant).slice(0, 10) : ''
}

/** Whole days from the platform's today to a yyyy-MM-dd date; negative when past. */
export function daysUntil(due) {
  if (!due) return null
  const a = Date.parse(`${today()}T00:00:00Z`)
  const b = Date.parse(`${due}T00:00:00Z`)
  if (Number.isNaN(a) || Number.isNaN(b)) return null
  return Math.round((b - a) / 86_400_000)
}

/** 'overdue' (red), 'soon' (within 3 days, orange) or '' for a pending due date. */
export function urgency(due, overdue = false) {
  const days = daysUntil(due)
  if (overdue || (days !== null && days < 0)) return 'overdue'
  if (days !== null && days <= 3) return 'soon'
  return ''
}

export function dueText(t, due, overdue = false) {
  const days = daysUntil(due)
  if (days === null) return ''
  if (overdue || days < 0) return t('queue.overdue', { n: Math.max(-days, 0) })
  if (days === 0) return t('queue.dueToday')
  return t('queue.daysLeft', { n: days })
}

export function percent(rate) {
  return rate === null || rate === undefined || typeof rate !== 'number' ? '—' : `${(rate * 100).toFixed(1)}%`
}

/** What to tell the user about a refused request, in their language where we know the kind. */
export function problemMessage(t, error) {
  if (!error) return ''
  if (error.status === 0) return t('app.networkError')
  if (error.status === 403) return `${t('app.forbidden')}${error.problem?.detail ? `（${error.problem.detail}）` : ''}`
  if (error.status === 429) return t('app.throttled', { seconds: error.retryAfter || 60 })
  if (error.status === 503) return t('app.unavailable')
  return error.message || t('app.unknownError')
}
