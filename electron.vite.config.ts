import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const at = (path: string) => resolve(root, path);

export default defineConfig({
  // out/main/index.js (package.json "main") and out/main/core-process.js (the utilityProcess).
  // ESM, like package.json "type": "module"; dependencies stay external, so better-sqlite3's
  // native addon is loaded from node_modules (or the path the app passes) at run time.
  main: {
    build: {
      outDir: at('out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: at('src-main/electron/main.ts'),
          'core-process': at('src-main/core/core-process.ts'),
        },
      },
    },
  },
  // A sandboxed preload cannot be an ES module nor require() from node_modules: one CommonJS
  // file with everything bundled in → out/preload/index.cjs.
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('src-renderer'),
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      minify: true,
      rolldownOptions: { input: at('src-renderer/index.html') },
    },
  },
});
