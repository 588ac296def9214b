// The Content-Security-Policy of the renderer, the same in both shells: nothing remote, no eval.
export function contentSecurityPolicy(options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // Vite's dev server injects an inline preamble for React refresh; the built app needs none.
    options.dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    options.dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
