/**
 * Renders app/icon.svg to app/apple-icon.png (180×180, square corners: iOS rounds them itself)
 * with the Chromium the e2e suite uses, so the two icons never drift apart.
 * Run: npx tsx scripts/render-apple-icon.ts
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../playwright.config";

const SIZE = 180;
const root = path.resolve(import.meta.dirname, "..");
const svg = readFileSync(path.join(root, "app/icon.svg"), "utf8").replace(/ rx="\d+"/, "");

const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style>${svg}`);
  await page.screenshot({ path: path.join(root, "app/apple-icon.png"), omitBackground: false });
} finally {
  await browser.close();
}
