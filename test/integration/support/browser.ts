import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); .ci/run installs it when missing. */
export const CHROMIUM = '/usr/bin/chromium';

// Headless, and none of Chromium's own background calls (updates, sync, field trials), so that
// nothing leaves the machine whatever the page does.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** What a page did that a test wants to see: every URL it requested, every error it reported. */
export class PageWatch {
  readonly requests: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    // A refused load or script (CSP included) is reported on the console as an error.
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
  }

  /** The requested URLs not of `origin` (data: URIs are not requests to anywhere and pass). */
  requestsOutside(origin: string): string[] {
    return this.requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
  }
}
