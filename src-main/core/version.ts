// The app's version, read once from package.json (bundled by vite, imported by tsx).
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
