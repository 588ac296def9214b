// Screenshots of what a spec shows, at a small laptop and a common desktop, for a person to look at
// (test-results/screens/NAME-WIDTHxHEIGHT.png). The viewport is left at the last size taken.
import type { Page } from '@playwright/test';

export type Size = readonly [width: number, height: number];
export const LAPTOP_AND_DESKTOP: readonly Size[] = [
  [1024, 768],
  [1440, 900],
];

export async function screenshots(page: Page, name: string, sizes: readonly Size[] = LAPTOP_AND_DESKTOP): Promise<void> {
  for (const [width, height] of sizes) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/${name}-${width}x${height}.png` });
  }
}
