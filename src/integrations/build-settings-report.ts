/**
 * Says at the start of a build which build settings it runs with (worker threads, content
 * store, incremental build; src/lib/build-settings.ts), so a slow CI log, or a test, can tell.
 */
import type { AstroIntegration } from 'astro';
import { describeBuildSettings, type BuildSettings } from '../lib/build-settings.ts';

export function buildSettingsReport(settings: BuildSettings): AstroIntegration {
  return {
    name: 'boothkit:build-settings',
    hooks: {
      'astro:build:start': ({ logger }) => logger.info(describeBuildSettings(settings)),
    },
  };
}
