// Types of start-plan.mjs (plain JavaScript, because `npm start` runs it with plain node).
export declare const WEB_FALLBACK_NOTICE: string;

type Env = Record<string, string | undefined>;

export declare function electronBinaryPath(input: {
  electronDir: string;
  env: Env;
  exists: (file: string) => boolean;
  readText: (file: string) => string;
}): string | null;

export declare function shouldTryElectronDownload(env: Env): boolean;

export declare function chooseShell(input: { electronBinaryExists: boolean; env?: Env }): 'electron' | 'web';

export declare function nativeStamp(input: { electronVersion: string; betterSqliteVersion: string; platform: string; arch: string }): string;

export declare function nativeBuildNeeded(input: { bindingExists: boolean; stampText: string | null; wantedStamp: string }): boolean;

export declare function prebuildArgs(input: { electronVersion: string; arch: string; headersDir?: string; fromSource?: boolean }): string[] | null;

export declare function nodeGypArgs(input: { electronVersion: string; arch: string; headersDir?: string }): string[];

export declare function nativeBuildEnv(env: Env): Record<string, string>;

export declare function copiedForBuild(relativePath: string): boolean;
