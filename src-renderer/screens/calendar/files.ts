// Short Danish date forms for the calendar tables.
/** "19-02-2026 16:00" */
export const shortDateTime = (v: string): string => `${v.slice(8, 10)}-${v.slice(5, 7)}-${v.slice(0, 4)} ${v.slice(11, 16)}`;
export const shortDate = (v: string): string => `${v.slice(8, 10)}-${v.slice(5, 7)}-${v.slice(0, 4)}`;
