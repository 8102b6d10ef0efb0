// `npm run build`: builds the three PWAs into dist/client (served by the worker's static assets).
//   dist/client/{clerk,member,hq}/  one Vite build each: own base, manifest and service worker
//   dist/client/vendor/swagger-ui/  Swagger UI for /api/docs (no CDN: tablets may be offline)
//   dist/client/index.html          a landing page linking the apps and the API docs
//   dist/client/_headers            security headers for what the assets layer serves alone (/, /vendor/*)
// The shared Vite config is client/vite.config.ts (`appConfig(app)`), loaded through Vite itself so
// this script stays plain Node ESM.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';

// Loading the config through Vite's module runner resolves a dev-server config, which would set
// NODE_ENV=development for the rest of the process (and ship React's development build).
process.env.NODE_ENV = 'production';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'client');
const started = Date.now();

const { module: config } = await runnerImport(join(root, 'client', 'vite.config.ts'));
const { APPS, appConfig } = config;

// Each app's build empties its own folder; the root stays, so a running `wrangler dev` keeps
// watching it and serves the new files without a restart.
mkdirSync(out, { recursive: true });
rmSync(join(out, 'vendor'), { recursive: true, force: true });

for (const app of APPS) {
  const t = Date.now();
  await build(appConfig(app));
  console.log(`✓ /${app}/ → dist/client/${app} (${Date.now() - t} ms)`);
}

const swagger = join(out, 'vendor', 'swagger-ui');
mkdirSync(swagger, { recursive: true });
for (const file of ['swagger-ui-bundle.js', 'swagger-ui.css']) {
  copyFileSync(join(root, 'node_modules', 'swagger-ui-dist', file), join(swagger, file));
}
// The docs page's CSP allows no inline script, so its one line of set-up is a file.
writeFileSync(
  join(swagger, 'init.js'),
  "SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', persistAuthorization: true, validatorUrl: null });\n",
);
console.log('✓ Swagger UI → dist/client/vendor/swagger-ui');

writeFileSync(join(out, 'index.html'), readFileSync(join(root, 'client', 'landing', 'index.html')));
copyFileSync(join(root, 'client', 'src', 'apps', 'clerk', 'public', 'favicon.svg'), join(out, 'favicon.svg'));
console.log('✓ landing page → dist/client/index.html');

// Paths outside run_worker_first never reach the worker's middleware; the assets layer applies
// this file to them instead. The worker sets its own (per-request) headers over these elsewhere.
const { module: security } = await runnerImport(join(root, 'worker', 'http', 'security-headers.ts'));
const headers = { ...security.COMMON_HEADERS, 'Content-Security-Policy': security.pagePolicy() };
writeFileSync(join(out, '_headers'), `/*\n${Object.entries(headers).map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
console.log('✓ security headers → dist/client/_headers');

console.log(`Built the clients in ${((Date.now() - started) / 1000).toFixed(1)} s`);
