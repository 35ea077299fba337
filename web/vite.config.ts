// Builds the React app from web/ into web/dist, which the server serves at / (src/app.ts).
// In development (`npx vite web`), API calls go to a Comptoir running on port 3000.
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import postcssSimpleVars from 'postcss-simple-vars';
import { defineConfig } from 'vite';
import { mantineStyles } from './build/mantine-styles.ts';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const api = process.env.COMPTOIR_DEV_API ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  // Mantine's style sheets go with the chunks whose code uses the components (build/mantine-styles.ts).
  plugins: [mantineStyles(), react()],
  css: {
    postcss: {
      // Mantine's mixins and breakpoints for the app's own CSS modules.
      plugins: [
        postcssPresetMantine(),
        postcssSimpleVars({
          variables: {
            'mantine-breakpoint-xs': '36em',
            'mantine-breakpoint-sm': '48em',
            'mantine-breakpoint-md': '62em',
            'mantine-breakpoint-lg': '75em',
            'mantine-breakpoint-xl': '88em',
          },
        }),
      ],
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server's CSP allows only same-origin scripts: no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Libraries that change rarely get chunks of their own, cached across releases.
        // Mantine is left to the default splitting: each page brings the components it uses.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'i18next', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            // zod, for the pages that check answers against the shared contracts. The contracts
            // themselves go with the pages that import them: in one chunk, every page carried
            // every other page's contracts (the inbox, admin's and the collaboration's).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
