// Which page the window opens on, read before any of the app's code has loaded.

/** Whether the window opens on the overview (no page named, or the overview). */
export const opensOnOverview = (hash: string) => /^(#\/?(overview)?)?([?].*)?$/.test(hash)
