// Debian's Chromium, as every browser test and script here launches it (never a browser downloaded by Playwright).
import fs from 'node:fs';

// scripts/setup.mjs (chromiumPath) checks the same variable and default before the tests start.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Same pixels everywhere: no LCD subpixel text, one device scale.
  '--disable-lcd-text',
  '--force-device-scale-factor=1',
];

export function assertChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} is missing: install Debian's chromium (npm run setup does, as root)`
    );
  }
}
