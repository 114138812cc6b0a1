// Launches Debian's Chromium for browser tests, never a downloaded build.
import { chromium, type Browser } from "playwright-core";

/** Path of Debian's Chromium package, installed by CI when needed. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags that keep Chromium off the network: it would otherwise contact
 * update, sync and field-trial servers at start. --no-sandbox is needed
 * because tests may run as root, where the sandbox cannot start.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts Chromium with a fresh temporary profile, removed on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}
