/**
 * The page or file an internal link points at must be in the built site, under the base
 * path; otherwise the nearest name in the same folder is suggested (missing-page,
 * missing-file, missing-base).
 */
import { servedFiles } from '../../../../src/lib/built-site.ts';
import { closest } from '../../../../src/core/suggest.ts';
import type { SiteIndex } from '../site-index.ts';
import type { LinkProblem } from './types.ts';

export type Target = { ok: true; file: string } | ({ ok: false } & LinkProblem);

/** Which built file a site path (base included, percent-decoded) is served from, or the problem. */
export function targetResolver({ config, files }: SiteIndex): (path: string) => Target {
  const resolvePath = (path: string): Target => {
    let rel: string;
    if (path.startsWith(config.base)) rel = path.slice(config.base.length);
    else if (`${path}/` === config.base) rel = '';
    else {
      const fixed = config.base + path.replace(/^\//, '');
      const withBase = resolvePath(fixed);
      return {
        ok: false,
        code: 'missing-base',
        message: `outside the site's base path ${config.base}${withBase.ok ? '' : ' (and no such page under it either)'}`,
        ...(withBase.ok ? { suggestion: fixed } : {}),
      };
    }
    const file = servedFiles(rel).find((c) => files.has(c));
    if (file) return { ok: true, file };
    const isPage = rel === '' || rel.endsWith('/') || !/\.[a-z0-9]{1,5}$/i.test(rel);
    const dir = rel.replace(/[^/]*\/?$/, '');
    const name = rel.slice(dir.length).replace(/\/$/, '');
    const siblings = new Set<string>();
    for (const f of files) {
      if (!f.startsWith(dir)) continue;
      const inside = f.slice(dir.length);
      const slash = inside.indexOf('/');
      siblings.add(slash < 0 ? inside : inside.slice(0, slash));
    }
    const near = name ? closest(name, siblings) : undefined;
    const target: Target = {
      ok: false,
      code: isPage ? 'missing-page' : 'missing-file',
      message: isPage ? `no page ${path} in the built site` : `no file ${path} in the built site`,
    };
    if (near) target.suggestion = config.base + dir + near + (rel.endsWith('/') && files.has(`${dir}${near}/index.html`) ? '/' : '');
    return target;
  };
  return resolvePath;
}
