#!/usr/bin/env node
// Compiles the web client's room store (frontend/src/roomStore.ts with what it imports: socket.ts,
// state.ts, reducers.ts, api.ts, model.ts) for Node into bench/load/build/webclient/roomStore.mjs,
// with Vite (frontend's devDependency; `npm ci` in frontend/ first). The bundle is built at run time
// and never committed (build/ is ignored), so the benchmark always runs the client as it is now.
//
//   node bench/load/build-webclient.mjs        prints the bundle's path
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '../../frontend');
export const BUNDLE = join(here, 'build/webclient/roomStore.mjs');

export async function buildWebClient() {
  const viteEntry = join(frontend, 'node_modules/vite/dist/node/index.js');
  if (!existsSync(viteEntry)) {
    throw new Error(`Vite is missing: run \`npm ci --no-audit --no-fund\` in ${frontend} first`);
  }
  const { build } = await import(pathToFileURL(viteEntry).href);
  await build({
    root: frontend,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: dirname(BUNDLE),
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      lib: { entry: join(frontend, 'src/roomStore.ts'), formats: ['es'], fileName: () => 'roomStore.mjs' },
    },
  });
  return BUNDLE;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildWebClient());
}
