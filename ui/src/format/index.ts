export * from './figure'
export * from './percent'
export * from './status'
export * from './dates'
