// The platform's enumerations, in the order of its Java enums (org.reception.cases.*).
export const CHANNELS = ['LETTER', 'VISIT', 'PHONE', 'ONLINE', 'FAX', 'EMAIL', 'COUNTY_SYSTEM']
// A clerk at the desk never registers as the county system; that channel is the integration's.
export const DESK_CHANNELS = CHANNELS.filter((c) => c !== 'COUNTY_SYSTEM')
export const TYPES = ['SUGGESTION', 'ACCUSATION', 'APPEAL', 'CONSULTATION']
export const CATEGORIES = ['LAND_RESOURCES', 'HOUSING_CONSTRUCTION', 'LABOUR_SOCIAL_SECURITY', 'PUBLIC_SECURITY',
  'ENVIRONMENT', 'HEALTH', 'EDUCATION', 'AGRICULTURE_RURAL', 'MARKET_REGULATION', 'CIVIL_AFFAIRS', 'TRANSPORT',
  'URBAN_MANAGEMENT', 'OTHER']
export const STATUSES = ['REGISTERED', 'TRANSFERRED', 'ASSIGNED', 'ACCEPTED', 'REDIRECTED', 'NOT_ACCEPTED', 'REPLIED',
  'UNDER_REVIEW', 'REVIEWED', 'UNDER_RE_REVIEW', 'RE_REVIEWED', 'ARCHIVED']
export const DISPOSITIONS = ['ACCEPT', 'TRANSFER', 'ASSIGN', 'REDIRECT', 'NOT_ACCEPT']
export const SATISFACTIONS = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']

export const LIMITS = { title: 200, content: 20000, name: 50, address: 300, accused: 200, text: 20000 }
export const PHONE_PATTERN = /^\+?[0-9][0-9 -]{4,19}$/
export const REGISTRATION_NUMBER = /^\d{6}-\d{4}-\d{6}$/
/** Art. 20: a visit of more than this many people names 1 to this many representatives. */
export const GROUP_SIZE = 5
