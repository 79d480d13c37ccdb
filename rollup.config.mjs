// Three builds (see README, "Which build is right for you?"):
//   dist/inkling.js         script tag: IIFE, global `Inkling`; the file is also its own worker
//   dist/inkling.mjs        ESM core, no IndexedDB code on the main thread (the in-thread fallback is a lazy chunk)
//   dist/inkling-worker.js  the ESM build's same-origin worker (classic script)
// and the visitor panel, dist/inkling-panel.js (ES module), which the core imports only when it opens.
// The `inkling` command line, dist/cli.js, is a Node 20 ES module with its dependencies bundled.
import { chmodSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const plugins = [nodeResolve({ browser: true }), esbuild({ target: 'es2020' })];

/** @param {boolean} module @param {string} [preamble] */
const minify = (module, preamble) =>
  terser({
    // `module: true` on an IIFE deletes its global (TOOLCHAIN.md trap 1): only for ES output.
    module,
    ecma: 2020,
    compress: { passes: 2 },
    // Internal state holders name private members `_like_this`; only those are mangled.
    // Nothing that crosses the worker boundary may start with `_`.
    mangle: { properties: { regex: /^_/ } },
    format: { comments: false, preamble },
  });

export default [
  {
    input: 'src/scriptTag.ts',
    // V8's explicit compile hint: compile every function while the script streams in, on a
    // background thread, instead of lazily on the page's main thread at first call.
    output: { file: 'dist/inkling.js', format: 'iife', name: 'Inkling', sourcemap: true, inlineDynamicImports: true, plugins: [minify(false, '//# allFunctionsCalledOnLoad')] },
    plugins,
  },
  {
    input: 'src/index.ts',
    // Let the entry export what its lazy in-thread chunk shares with it, instead of a facade file.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', entryFileNames: 'inkling.mjs', chunkFileNames: 'inkling-[name].mjs', sourcemap: true, plugins: [minify(true)] },
    plugins,
  },
  {
    input: 'src/engine/worker.ts',
    output: { file: 'dist/inkling-worker.js', format: 'iife', sourcemap: true, plugins: [minify(false)] },
    plugins,
  },
  {
    input: 'src/panel/index.ts',
    output: { file: 'dist/inkling-panel.js', format: 'es', sourcemap: true, plugins: [minify(true)] },
    plugins,
  },
  {
    input: 'src/cli/main.ts',
    // Node's built-ins stay imports (csv-parse imports `stream`, without `node:`); csv-parse itself
    // is bundled, so the package keeps no runtime dependency. Not minified.
    external: [/^node:/, ...builtinModules],
    output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
    plugins: [
      // No `browser: true` here: csv-parse must resolve to its Node build.
      nodeResolve({ preferBuiltins: true }),
      esbuild({ target: 'node20' }),
      { name: 'executable', writeBundle: ({ file }) => chmodSync(file, 0o755) },
    ],
  },
];
