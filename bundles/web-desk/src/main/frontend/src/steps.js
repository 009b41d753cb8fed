// The steps of the procedure as the desk offers them: the fields of each body (CaseAction.* and
// the resources' bodies in PetitionResource), how the body is built, and where it is posted.
// The names are the URL segments GET /petitions/{id}/steps answers with.
import { DISPOSITIONS, SATISFACTIONS } from './enums.js'

const reason = { name: 'reason', kind: 'textarea', required: true }
const text = { name: 'text', kind: 'textarea', required: true }

export const STEPS = {
  dispose: [
    { name: 'disposition', kind: 'select', options: DISPOSITIONS, enumKey: 'disposition', required: true },
    { name: 'unit', kind: 'unit' },
    { name: 'coUnits', kind: 'text' },
    { name: 'reason', kind: 'textarea' },
  ],
  'not-the-same-matter': [reason],
  accept: [{ name: 'unit', kind: 'unit', hint: 'step.acceptHint' }],
  object: [reason],
  extend: [{ name: 'days', kind: 'number', required: true }, reason],
  reply: [text, { name: 'deliveredOn', kind: 'date' }],
  evaluate: [{ name: 'satisfaction', kind: 'select', options: SATISFACTIONS, enumKey: 'satisfaction', required: true }],
  'request-review': [reason],
  'answer-review': [text],
  'request-re-review': [reason],
  'answer-re-review': [text],
  archive: [],
  supervise: [{ name: 'order', kind: 'textarea', required: true }, { name: 'due', kind: 'date', required: true }],
  'resolve-supervision': [{ name: 'supervisionId', kind: 'supervision', required: true },
    { name: 'outcome', kind: 'textarea', required: true }],
}

export function blankStepForm(step, petition) {
  const form = {}
  for (const field of STEPS[step] || []) form[field.name] = ''
  if (step === 'dispose' && petition?.routing) {
    // The rules' proposal is the starting point; the clerk decides.
    form.disposition = petition.routing.disposition || ''
    form.unit = petition.routing.unitCode || ''
    form.coUnits = (petition.routing.coUnits || []).join(', ')
  }
  if (step === 'resolve-supervision') {
    const open = (petition?.supervisions || []).filter((s) => !s.resolvedAt)
    if (open.length === 1) form.supervisionId = String(open[0].id)
  }
  return form
}

const orNull = (value) => (value === '' || value === undefined ? null : value)

/** The request of a step: its path under the case and its JSON body (undefined: no body). */
export function stepRequest(step, form) {
  switch (step) {
    case 'dispose': {
      const coUnits = String(form.coUnits || '').split(/[\s,，、]+/).map((s) => s.trim()).filter(Boolean)
      return {
        path: 'dispose',
        body: { disposition: orNull(form.disposition), unit: orNull(form.unit.trim()), coUnits, reason: orNull(form.reason.trim()) },
      }
    }
    case 'accept':
      return { path: 'accept', body: form.unit.trim() ? { unit: form.unit.trim() } : {} }
    case 'extend':
      return { path: 'extend', body: { days: form.days === '' ? null : Number(form.days), reason: orNull(form.reason.trim()) } }
    case 'reply':
      return { path: 'reply', body: { text: orNull(form.text.trim()), deliveredOn: orNull(form.deliveredOn) } }
    case 'archive':
      return { path: 'archive', body: undefined }
    case 'resolve-supervision':
      return { path: `supervisions/${encodeURIComponent(form.supervisionId)}/resolve`, body: { outcome: orNull(form.outcome.trim()) } }
    default: {
      const body = {}
      for (const field of STEPS[step] || []) body[field.name] = orNull(typeof form[field.name] === 'string' ? form[field.name].trim() : form[field.name])
      return { path: step, body }
    }
  }
}

/** Checks the browser can make before asking: field → i18n key. */
export function stepProblems(step, form) {
  const problems = {}
  for (const field of STEPS[step] || []) {
    const value = form[field.name]
    if (field.required && (value === '' || value === null || value === undefined || String(value).trim() === '')) {
      problems[field.name] = 'validation.required'
    } else if (field.kind === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      problems[field.name] = 'step.date'
    }
  }
  if (step === 'extend' && form.days !== '' && !(Number.isInteger(Number(form.days)) && form.days >= 1 && form.days <= 30)) {
    problems.days = 'step.days'
  }
  if (step === 'dispose') {
    if (['ACCEPT', 'TRANSFER', 'ASSIGN'].includes(form.disposition) && !form.unit.trim()) problems.unit = 'step.unitRequired'
    if (['REDIRECT', 'NOT_ACCEPT'].includes(form.disposition) && !form.reason.trim()) problems.reason = 'step.reasonRequired'
  }
  return problems
}
