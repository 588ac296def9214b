export const CLI_ENTRY: string;
export const CLI_OUT_DIR: string;
export const CLI_BUNDLE: string;
export const WORKER_ENTRY: string;
export const WORKER_BUNDLE: string;
export const CLI_EXTERNAL: string[];
export function cliBundleStale(root: string): boolean;
export function buildCli(root: string): Promise<{ bundle: string; inputs: number }>;
export function ensureCliBundle(root: string): Promise<boolean>;
