/**
 * The Chromium of npm run bench:pages stops cleanly: its profile is removed only when every
 * process of the browser is gone, so the bench never dies with ENOTEMPTY after measuring.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { chromium as playwright } from 'playwright';
import { chromiumPath, launchChromium } from '../../scripts/lib/chromium.ts';

const browserPath = chromiumPath();

describe('stopping the bench browser', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'boothkit-chromium-test-'));
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('waits for a helper that keeps writing into the profile after the browser process ends', async () => {
    // A real process tree shaped like Chromium's: the browser process ends on SIGTERM, while its
    // helper goes on writing into the profile for about a second, as Chromium's helpers do.
    const standIn = join(scratch, 'stand-in-browser.sh');
    writeFileSync(
      standIn,
      [
        '#!/bin/sh',
        'for arg in "$@"; do case "$arg" in --user-data-dir=*) profile="${arg#--user-data-dir=}";; esac; done',
        `( trap '' TERM; i=0; while [ $i -lt 20 ]; do mkdir -p "$profile/Default"; echo x > "$profile/Default/file-$i"; i=$((i+1)); sleep 0.05; done ) &`,
        'echo "DevTools listening on ws://127.0.0.1:9/devtools/browser/stand-in" >&2',
        "trap 'exit 0' TERM",
        'while :; do sleep 0.05; done',
        '',
      ].join('\n'),
    );
    chmodSync(standIn, 0o755);
    const browser = await launchChromium(standIn);
    await browser.stop();
    assert.equal(existsSync(browser.profile), false, 'the profile is removed');
    await sleep(1500);
    assert.equal(existsSync(browser.profile), false, 'and nothing writes it again');
  });

  it('closes a real Chromium that browsed a page, and removes its profile', { skip: !existsSync(browserPath) && `no Chromium at ${browserPath}` }, async () => {
    const server = createServer((_request, response) => response.end('<!doctype html><title>page</title><h1>page</h1>')).listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as { port: number };
      for (let run = 0; run < 3; run++) {
        const browser = await launchChromium(browserPath);
        const connection = await playwright.connectOverCDP(`http://127.0.0.1:${browser.port}`);
        const page = await connection.contexts()[0]!.newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
        // Storage the browser writes into the profile, as Lighthouse's runs make it do.
        await page.evaluate(() => localStorage.setItem('visited', 'yes'));
        await browser.stop();
        assert.equal(existsSync(browser.profile), false, `run ${run + 1}: the profile is removed`);
      }
    } finally {
      server.close();
    }
  });
});
