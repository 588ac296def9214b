// The renderer built for the browser shell (src-main/web): same code as in Electron.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, 'dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
