/**
 * The browser suite's web server: the built site served as a static host serves it (under
 * its base path, 404.html for unknown paths, dist/_headers), on 127.0.0.1.
 *   node e2e/serve.ts PORT
 */
import { serveStatic } from '../scripts/lib/static-server.ts';
import { siteUnderTest } from './site-under-test.ts';

const site = await siteUnderTest();
const { origin } = await serveStatic(site.outDir, site.base, Number(process.argv[2]));
console.log(`serving ${site.outDir} at ${origin}${site.base}`);
