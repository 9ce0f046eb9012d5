import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Brotli (quality 11) and gzip (level 9) copies beside every text file the build wrote (app.js ->
 * app.js.br, app.js.gz), whichever --outDir it wrote to, so the server sends compressed bytes
 * without compressing per request (@fastify/static `preCompressed`). Files under 1 KB, and copies
 * that would not be smaller, are skipped.
 */
function precompress(): Plugin {
  return {
    name: 'crm:precompress',
    apply: 'build',
    async writeBundle({ dir }) {
      if (!dir) return;
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      const texts = entries.filter((e) => e.isFile() && /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/.test(e.name));
      await Promise.all(
        texts.map(async (e) => {
          const path = join(e.parentPath, e.name);
          const raw = await readFile(path);
          if (raw.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
            gz(raw, { level: 9 }),
          ]);
          if (br.length < raw.length) await writeFile(`${path}.br`, br);
          if (gzipped.length < raw.length) await writeFile(`${path}.gz`, gzipped);
        }),
      );
    },
  };
}

const nodeModules = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);
/** Mantine and the small libraries its components are built on. */
const MANTINE = nodeModules(
  '@mantine|@floating-ui|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-callback-ref|use-sidecar|get-nonce|detect-node-es|tslib|clsx|react-number-format|react-textarea-autosize|use-composed-ref|use-isomorphic-layout-effect|use-latest',
);

// The web app lives in web/ and is built into dist/web, which the server serves.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries in a few chunks of their own: they change less often than the app, so a new
        // release keeps them cached. Pages are split by route (React.lazy in App.tsx). The sign-in
        // page loads react, the Mantine pieces it draws ($initial), the data/router/i18n libraries
        // and the app's entry; the rest of Mantine and the icons come with the first signed-in page.
        codeSplitting: {
          groups: [
            { name: 'react', test: nodeModules('react|react-dom|scheduler'), priority: 40 },
            { name: 'mantine', test: MANTINE, tags: ['$initial'], priority: 30 },
            { name: 'mantine-more', test: MANTINE, priority: 29 },
            {
              name: 'vendor',
              test: nodeModules(
                '@tanstack[\\\\/]react-query|@tanstack[\\\\/]query-core|react-router|i18next|react-i18next|cookie|set-cookie-parser',
              ),
              priority: 20,
            },
            { name: 'icons', test: nodeModules('@tabler'), priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
