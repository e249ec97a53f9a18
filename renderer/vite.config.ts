/**
 * Vite build of the renderer: a static bundle that runs under the strict CSP in index.html.
 *
 * Nothing may end up inline (no inline scripts, no inline styles, no data: scripts), so the module
 * preload polyfill (an inline script) is off and assets are always emitted as files.
 */
import { defineConfig } from 'vite';

/** Directory of this file; Vite's config loader fills in import.meta.url for the bundled config. */
const RENDERER_ROOT = decodeURIComponent(new URL('.', import.meta.url).pathname);

export const RENDERER_VITE_CONFIG = defineConfig({
  root: RENDERER_ROOT,
  // Electron loads the page from a custom protocol or a file: every URL must be relative.
  base: './',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome140',
    sourcemap: false,
    // The polyfill is an inline <script>, which the CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
    // Inlined assets become data: URLs; keep every asset a file so the CSP stays honest.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    reportCompressedSize: false,
  },
});

// Vite loads a config file's default export: the one default export this file has, because Vite requires it
// (the lint rule lets a plain `export default <name>` through).
export default RENDERER_VITE_CONFIG;
