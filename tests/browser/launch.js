// Headless Chromium as every browser test starts it: Debian's Chromium at
// `config.chromium`, a fresh profile at `config.profile`, nothing fetched in the
// background.
"use strict";
const puppeteer = require("puppeteer-core");

module.exports = (config) => puppeteer.launch({
  executablePath: config.chromium,
  headless: true,
  userDataDir: config.profile,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
