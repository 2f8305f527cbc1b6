import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';

export default defineConfig({
  plugins: [react()],
  // The version the linkage picture's footer names.
  define: {
    __STRATA_VERSION__: JSON.stringify(
      (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string })
        .version,
    ),
  },
  worker: { format: 'es' },
  // Generated root filesystems and benchmark archives are large and full of symlink loops: never watch them.
  server: {
    port: 5173,
    strictPort: false,
    watch: { ignored: ['**/.work/**', '**/bench/out/**', '**/test-results/**', '**/dist/**'] },
  },
  preview: { port: 4173 },
  build: { target: 'es2022', sourcemap: true },
});
