import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
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
