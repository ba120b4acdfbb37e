// Where Debian's Chromium is (or CHROMIUM_PATH): the browser tier runs only when one is found.
import { existsSync } from 'node:fs';

export const findChromium = (
  candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
): string | null => candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
