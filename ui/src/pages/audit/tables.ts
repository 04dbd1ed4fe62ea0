// The audited tables, in the order the 操作记录 filter lists them (labels in i18n
// audit.tables.<name>; a table the UI does not know shows the core's label or its name).
export const AUDITED_TABLES = [
  'progress_entry',
  'target',
  'target_milestone',
  'pairing',
  'coop_project',
  'register_row',
  'evidence',
  'enterprise',
  'village',
  'lag_note',
  'action',
  'indicator',
  'unit',
  'setting',
  'register_type',
  'indicator_derivation',
  'account',
] as const

/** The table's label in the current language: ours when we know the table, else the core's. */
export function tableLabel(t: (key: string) => string, table: string, coreLabel?: string): string {
  return (AUDITED_TABLES as readonly string[]).includes(table) ? t(`audit.tables.${table}`) : coreLabel || table
}
