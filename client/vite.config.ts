import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { InlineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * One definition for the three PWAs. Each is its own Vite build (own base, outDir, manifest and
 * service worker): vite-plugin-pwa makes one service worker per build, and a worker's scope must be
 * its app's base so the clerk tablet never caches the HQ dashboard.
 * Build all three with `npm run build` (scripts/build-clients.mjs); run one in dev with
 * `APP=member npx vite --config client/vite.config.ts` (API proxied to wrangler dev on :8787).
 */
export const APPS = ['clerk', 'member', 'hq'] as const;
export type AppName = (typeof APPS)[number];

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));

type AppMeta = { name: string; shortName: string; description: string; theme: string; orientation: 'any' | 'portrait' };

/** The manifest is read before any script runs, so it is Chinese first, English after. */
const META: Record<AppName, AppMeta> = {
  clerk: {
    name: '云卡收银台 CloudCard Counter',
    shortName: '云卡收银',
    description: '门店收银台：会员查询、收银、充值 · Store counter: members, checkout, recharge',
    theme: '#1f5eff',
    orientation: 'any',
  },
  member: {
    name: '云卡会员 CloudCard Member',
    shortName: '云卡会员',
    description: '我的会员卡、余额与积分 · My membership card, balance and points',
    theme: '#6a3df0',
    orientation: 'portrait',
  },
  hq: {
    name: '云卡总部 CloudCard HQ',
    shortName: '云卡总部',
    description: '连锁门店管理后台 · Chain management dashboard',
    theme: '#111a2e',
    orientation: 'any',
  },
};

export function appConfig(app: AppName, opts: { apiTarget?: string } = {}): InlineConfig {
  const base = `/${app}/`;
  const meta = META[app];
  return {
    configFile: false,
    root: `${clientDir}src/apps/${app}`,
    base,
    publicDir: `${clientDir}src/apps/${app}/public`,
    logLevel: 'warn',
    plugins: [
      react(),
      VitePWA({
        registerType: 'autoUpdate',
        includeManifestIcons: false, // the precache glob below already has them
        injectRegister: 'script-defer',
        scope: base,
        base,
        manifest: {
          id: base,
          name: meta.name,
          short_name: meta.shortName,
          description: meta.description,
          lang: 'zh-CN',
          start_url: base,
          scope: base,
          display: 'standalone',
          orientation: meta.orientation,
          theme_color: meta.theme,
          background_color: '#f5f7fb',
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
          navigateFallback: `${base}index.html`,
          navigateFallbackDenylist: [/^\/api\//],
          cleanupOutdatedCaches: true,
          clientsClaim: true,
          skipWaiting: true,
        },
      }),
    ],
    server: {
      fs: { allow: [repoDir] },
      proxy: { '/api': { target: opts.apiTarget ?? 'http://127.0.0.1:8787', changeOrigin: true } },
    },
    build: {
      outDir: `${repoDir}dist/client/${app}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 800,
    },
  };
}

const chosen = (process.env.APP ?? 'clerk') as AppName;
export default appConfig(APPS.includes(chosen) ? chosen : 'clerk');
