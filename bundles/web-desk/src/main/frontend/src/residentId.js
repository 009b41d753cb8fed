// GB 11643 resident identity numbers, checked in the browser as the clerk types, with the same
// rules as the platform's intake (ResidentIds.java) and a message that says what exactly is wrong.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function checkDigit(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

/**
 * @param {string} id as typed (a lowercase x is taken as X)
 * @param {string} today yyyy-MM-dd
 * @returns {null | {key: string, params: object}} the i18n key of the problem, or null if valid
 */
export function residentIdProblem(id, today) {
  const value = (id || '').trim().toUpperCase()
  if (value.length !== 18) return { key: 'validation.idLength', params: { n: value.length } }
  if (!/^\d{17}$/.test(value.slice(0, 17))) return { key: 'validation.idDigits', params: {} }
  if (!/^[\dX]$/.test(value[17])) return { key: 'validation.idLast', params: {} }
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  const shown = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (m < 1 || m > 12 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return { key: 'validation.idDate', params: { date: value.slice(6, 14) } }
  }
  if (shown > today) return { key: 'validation.idFuture', params: { date: shown } }
  if (y < 1900) return { key: 'validation.idTooOld', params: { date: shown } }
  const expected = checkDigit(value)
  if (value[17] !== expected) return { key: 'validation.idCheck', params: { expected, actual: value[17] } }
  return null
}
