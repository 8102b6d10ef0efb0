// Draws each app's icon as SVG and renders the PNGs a PWA needs with headless Chromium.
// Run once after changing the design (the PNGs are committed):
//   npx tsx client/scripts/make-icons.mjs     (or: node client/scripts/make-icons.mjs)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** One brand, three tints: the clerk's counter blue, the member's warm violet, HQ's deep navy. */
export const APP_COLOURS = {
  clerk: { from: '#2f6bff', to: '#1747c9', accent: '#ffd166', cloud: '#2f6bff' },
  member: { from: '#7c4dff', to: '#4b2bc4', accent: '#ffd166', cloud: '#7c4dff' },
  hq: { from: '#1f2a44', to: '#0b1224', accent: '#ffd166', cloud: '#3b6cff' },
};

/**
 * A white membership card with a cloud on it. `maskable` draws full-bleed with the artwork inside
 * the 80 % safe zone, so Android's circle/squircle masks never clip it.
 */
function iconSvg(app, { maskable = false } = {}) {
  const c = APP_COLOURS[app];
  const bg = maskable
    ? `<rect width="512" height="512" fill="url(#g)"/>`
    : `<rect x="16" y="16" width="480" height="480" rx="108" fill="url(#g)"/>`;
  const s = maskable ? 0.78 : 1; // artwork scale around the centre
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
<defs>
  <linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${c.from}"/><stop offset="1" stop-color="${c.to}"/></linearGradient>
  <linearGradient id="card" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#eef2ff"/></linearGradient>
</defs>
${bg}
<g transform="translate(256 256) scale(${s}) translate(-256 -256)">
  <rect x="104" y="150" width="304" height="212" rx="30" fill="#000" opacity=".16" transform="translate(0 10)"/>
  <rect x="104" y="150" width="304" height="212" rx="30" fill="url(#card)"/>
  <rect x="136" y="186" width="52" height="38" rx="8" fill="${c.accent}"/>
  <g fill="${c.cloud}">
    <circle cx="258" cy="290" r="34"/>
    <circle cx="298" cy="270" r="44"/>
    <circle cx="342" cy="294" r="30"/>
    <rect x="228" y="290" width="144" height="34" rx="17"/>
  </g>
  <rect x="136" y="308" width="70" height="12" rx="6" fill="#c7d0e6"/>
</g>
</svg>`;
}

const targets = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  for (const app of Object.keys(APP_COLOURS)) {
    const dir = join(root, 'src', 'apps', app, 'public');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'favicon.svg'), iconSvg(app));
    for (const t of targets) {
      await page.setViewportSize({ width: t.size, height: t.size });
      const svg = iconSvg(app, { maskable: t.maskable }).replace('width="512" height="512"', `width="${t.size}" height="${t.size}"`);
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const out = join(dir, t.file);
      mkdirSync(dirname(out), { recursive: true });
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: t.size, height: t.size } });
      console.log('wrote', out);
    }
  }
} finally {
  await browser.close();
}
