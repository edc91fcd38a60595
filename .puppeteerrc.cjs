// puppeteer's install step downloads its own Chrome. Where the system already has
// Chromium or Chrome (Debian's `chromium`, as .ci/run installs), skip that download:
// labreport finds the system browser itself (src/render/browser.ts). Elsewhere the
// download goes ahead, so `npm install` on a laptop still gets a working browser.
const fs = require('node:fs');
const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD === 'true' || systemBrowsers.some((p) => fs.existsSync(p)),
};
