// The administrative divisions (行政区划) as GET /divisions?parent= lists them, level by level:
// the provinces, a province's cities (4 digits), a city's counties (6 digits). The list does not
// change while the desk is open, so each parent's children are asked for once per page load.
import { reactive } from 'vue'
import { api } from './api.js'

export const DIVISION_CODE = /^(\d{2}|\d{4}|\d{6})$/

const children = new Map() // parent code ('' for the provinces) → Promise of its children
const loaded = new Map() // the same, once answered: what a picker builds its tree from at once
const known = reactive({}) // code → division, for every division read so far (names shown in lists)

/**
 * The prefix every code below a division starts with, as the platform writes it (Jurisdictions.prefix):
 * 520000 and 52 give 52, 520100 and 5201 give 5201, a county's code gives itself.
 */
export function divisionPrefix(code) {
  const c = String(code || '').trim()
  if (c.length < 6) return c
  if (c.endsWith('0000')) return c.slice(0, 2)
  if (c.endsWith('00')) return c.slice(0, 4)
  return c
}

/**
 * The divisions directly below `parent` (the provinces for none), by code. An unknown parent
 * (400) gives an empty list; other failures reject and are asked again next time.
 * @param {{background?: boolean}} [options] background: asked by the page itself (names for a
 *        list it reloads), which does not count as use of the session (api.js)
 */
export function childrenOf(parent, options = {}) {
  const key = parent || ''
  if (!children.has(key)) {
    const ask = api('/divisions', { params: { parent: key || undefined }, background: !!options.background })
      .then((list) => {
        const divisions = Array.isArray(list) ? list : []
        for (const d of divisions) known[d.code] = d
        loaded.set(key, divisions)
        return divisions
      })
      .catch((e) => {
        if (e.status === 400) return []
        children.delete(key)
        throw e
      })
    children.set(key, ask)
  }
  return children.get(key)
}

/** The children of `parent` if they were read already, else undefined. */
export function loadedChildren(parent) {
  return loaded.get(parent || '')
}

/**
 * From the province down to the division of `code`: [52, 5201, 520102] for 520102, read by
 * listing the children of its 2- and 4-digit prefixes. Null when no division has that code.
 */
export async function chainOf(code, options = {}) {
  const c = divisionPrefix(code)
  if (!DIVISION_CODE.test(c)) return null
  const chain = []
  let parent = ''
  for (const length of [2, 4, 6].filter((n) => n <= c.length)) {
    const list = await childrenOf(parent, options)
    const found = list.find((d) => d.code === c.slice(0, length))
    if (!found) return null
    chain.push(found)
    parent = found.code
  }
  return chain
}

/** The division of `code`, or null when there is none. */
export async function findDivision(code) {
  const chain = await chainOf(code)
  return chain ? chain[chain.length - 1] : null
}

/** A division already read (reactive: a list shows the name once it arrives), or undefined. */
export function knownDivision(code) {
  return known[code]
}

/** How the desk shows a division: 南明区 (520102). */
export function divisionLabel(division) {
  return division ? `${division.name} (${division.code})` : ''
}

/**
 * The roots a picker starts from: the given codes as prefixes, without those already below
 * another one (52 and 5201 give 52), in code order. None means all provinces.
 */
export function divisionRoots(codes) {
  const list = [...new Set((Array.isArray(codes) ? codes : [codes]).map(divisionPrefix).filter((c) => DIVISION_CODE.test(c)))]
  return list.filter((c) => !list.some((other) => other !== c && c.startsWith(other))).sort()
}
