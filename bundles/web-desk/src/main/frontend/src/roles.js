// Role strings as the realm holds them (org.reception.cases.access.Role and Grant): a role name,
// followed for scoped roles by ":" and the scope, e.g. clerk:520102, unit:520102-GAJ, auditor.

/** The roles in the order of the Java enum, with what their scope names. */
export const ROLES = [
  { name: 'clerk', scope: 'division' },
  { name: 'unit', scope: 'unit' },
  { name: 'supervisor', scope: 'division' },
  { name: 'rules-admin', scope: null },
  { name: 'integration', scope: 'division' },
  { name: 'auditor', scope: null },
  { name: 'admin', scope: null },
]

export const DIVISION = /^(\d{2}|\d{4}|\d{6})$/
export const UNIT = /^(\d{2}|\d{4}|\d{6})-[A-Z0-9]{1,30}$/ // Grant.UNIT

export function scopeOf(roleName) {
  return ROLES.find((r) => r.name === roleName)?.scope ?? null
}

/**
 * The role string of a choice, or the i18n key of what is wrong with it.
 * @returns {{value?: string, error?: string}}
 */
export function roleString(roleName, scopeText) {
  const role = ROLES.find((r) => r.name === roleName)
  if (!role) return { error: 'accounts.roleRequired' }
  const scope = (scopeText || '').trim()
  if (!role.scope) return { value: role.name }
  if (role.scope === 'division') {
    return DIVISION.test(scope) ? { value: `${role.name}:${scope}` } : { error: 'accounts.scopeDivision' }
  }
  // A unit's code in capitals, as the register writes it: 520102-gaj is 520102-GAJ.
  const unit = scope.toUpperCase()
  return UNIT.test(unit) ? { value: `${role.name}:${unit}` } : { error: 'accounts.scopeUnit' }
}

/** A grant of GET /accounts ({role, scope}) as its role string. */
export function grantString(grant) {
  return grant.scope ? `${grant.role}:${grant.scope}` : grant.role
}

/**
 * What is wrong with a password by the platform's rule, as i18n keys: at least 10 characters,
 * letters and digits, not containing the account's name. The server checks it again.
 */
export function passwordProblems(password, name) {
  const problems = []
  if (!password || password.length < 10) problems.push('accounts.passwordLength')
  if (!/\p{L}/u.test(password || '') || !/\d/.test(password || '')) problems.push('accounts.passwordMix')
  const n = (name || '').trim().toLowerCase()
  if (n && (password || '').toLowerCase().includes(n)) problems.push('accounts.passwordName')
  return problems
}
