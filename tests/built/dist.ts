/**
 * The demo's production build (dist/, from `npm run build`), read in Node for the tests of
 * what the content files say the pages must show: a page costs a parse, not a browser visit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll, selectOne } from 'css-select';
import type { Document, Element } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { walkSite } from '../../scripts/lib/built/pages.ts';
import { pageLayout } from '../../src/lib/site-settings.ts';
import { projectRoot } from '../support/project.ts';

export const dist = join(projectRoot, 'dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('no build in dist/: run `npm run build` first (npm test does)');

/** The built file of a URL path below the base, e.g. "/roles/" → dist/roles/index.html. */
export const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

/** A built page, parsed. */
export const page = (path: string): Document => parseDocument(readFileSync(fileOf(path), 'utf8'));

/** URL paths of every HTML page of the build. */
export const pagePaths = (): string[] => walkSite(dist, { ...pageLayout, base: '/' }).pages.map((p) => p.path);

export const all = (selector: string, node: Document | Element): Element[] => selectAll(selector, node);
export const one = (selector: string, node: Document | Element): Element | null => selectOne(selector, node);

/** Text of a node as it reads, spaces squashed. */
export const text = (node: Document | Element | null): string => (node ? DomUtils.textContent(node).replace(/\s+/g, ' ').trim() : '');

/** Role page paths of the rows of a page's role tables, in order. */
export const rowPaths = (doc: Document): string[] => all('table tbody tr th a', doc).map((a) => a.attribs['href']!);
