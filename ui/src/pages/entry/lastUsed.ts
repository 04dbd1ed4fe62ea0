// The entry form remembers the last unit and date between sessions.
const KEY = 'taizhang.entry.last'

export interface LastUsed {
  unit: string | null
  occurred_on: string | null
}

export function readLastUsed(): LastUsed {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<LastUsed>
    return { unit: typeof v.unit === 'string' ? v.unit : null, occurred_on: typeof v.occurred_on === 'string' ? v.occurred_on : null }
  } catch {
    return { unit: null, occurred_on: null }
  }
}

export function writeLastUsed(v: LastUsed): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(v))
  } catch {
    // Storage unavailable: the form just won't remember.
  }
}
