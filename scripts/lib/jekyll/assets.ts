/**
 * Files a Jekyll booth points to (images, videos, PDFs) → files next to the new sponsor
 * file. Site paths ("/assets/img/x.jpg") are looked up under the Jekyll site's folder; an
 * image that cannot be found locally becomes a placeholder SVG showing its alt text, so the
 * booth builds and reads right until the real file is dropped in.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import type { NewFile } from '../cli.ts';
import { placeholderSvg } from '../placeholder-svg.ts';
import { svgProblems } from '../../../src/lib/plain-svg.ts';
import { slugify } from '../project.ts';
import { pictureExtensions } from '../../../src/core/pictures.ts';

const imageTypes = new Set(pictureExtensions.map((e) => `.${e}`));

export interface AssetOptions {
  boothFile: string;
  /** The Jekyll site's folder; default: the nearest folder above the booth with a _config.yml, else the booth's own folder. */
  siteRoot?: string | undefined;
  /** Addresses that mean "this site" ("https://ismir2020.net/ISMIR2020", "/ISMIR2020"): stripped to a site path. */
  sitePrefixes?: string[] | undefined;
  /** Absolute folder the sponsor's files go to (src/content/sponsors/<id>/). */
  targetDir: string;
  sponsorId: string;
}

export class Assets {
  readonly options: AssetOptions;
  readonly files: NewFile[] = [];
  /** Images that were not found, by the name written, with the reference of the old site. */
  readonly placeholders: { name: string; source: string; remote: boolean; note: string }[] = [];
  readonly copied: { name: string; source: string }[] = [];
  /** Source path (or reference) → name written, so one file referenced twice is written once. */
  readonly written = new Map<string, string>();
  readonly names = new Set<string>();
  /** SVG files of the old site that are more than a drawing, by reference: why, in words. */
  readonly notPlain = new Map<string, string>();

  constructor(options: AssetOptions) {
    this.options = options;
  }

  /**
   * The folder files may come from: --site-root, else the nearest folder above the booth that
   * holds Jekyll's _config.yml, else the booth's own folder. Nothing outside it is copied, however
   * a page names it ("../../", a site path with "..", a link in the old site): an old page could
   * otherwise put any file of the machine that runs the import into the new site.
   */
  siteRoot(): string {
    if (this.options.siteRoot) return resolve(this.options.siteRoot);
    const boothDir = dirname(resolve(this.options.boothFile));
    for (let dir = boothDir, i = 0; i < 5; i++) {
      if (existsSync(join(dir, '_config.yml')) || existsSync(join(dir, '_config.yaml'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    return boothDir;
  }

  /** Folders a site path is looked up in: the booth's folder and those above it, up to the site's. */
  roots(): string[] {
    const top = this.siteRoot();
    const roots = [top];
    for (let dir = dirname(resolve(this.options.boothFile)); dir.startsWith(top + sep); dir = dirname(dir)) roots.unshift(dir);
    return roots;
  }

  /** A reference to the old site itself ("https://site/base/assets/x.png", "/base/assets/x.png") as a site path ("/assets/x.png"). */
  sitePath(reference: string): string {
    const prefix = (this.options.sitePrefixes ?? []).filter((p) => reference.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
    return prefix ? reference.slice(prefix.length) : reference;
  }

  /** The file on disk a reference of the old site points to, if it is there. */
  find(reference: string): string | undefined {
    let path: string;
    try {
      path = decodeURI(this.sitePath(reference).split(/[?#]/)[0]!);
    } catch {
      return undefined;
    }
    const candidates = path.startsWith('/') ? this.roots().map((root) => join(root, path)) : [resolve(dirname(this.options.boothFile), path), ...this.roots().map((root) => join(root, path))];
    const top = realpathSync(this.siteRoot());
    return candidates.find((c) => existsSync(c) && statSync(c).isFile() && realpathSync(c).startsWith(top + sep));
  }

  /** A free file name in the sponsor's folder, from the reference's own name. */
  name(reference: string, ext?: string): string {
    const base = basename(decodeURI(reference.split(/[?#]/)[0]!)) || 'file';
    const extension = (ext ?? extname(base)).toLowerCase().replace('.jpeg', '.jpg');
    const stem = slugify(base.slice(0, base.length - extname(base).length)) || 'file';
    let name = `${stem}${extension}`;
    for (let n = 2; this.names.has(name); n++) name = `${stem}-${n}${extension}`;
    this.names.add(name);
    return name;
  }

  /**
   * Copies a found file, or returns undefined. The result is "./<id>/<name>". An SVG that is
   * more than a drawing (src/lib/plain-svg.ts) is not copied: the site would serve it from its
   * own address; why is kept in `notPlain` for the placeholder's note.
   */
  copy(reference: string): string | undefined {
    const found = this.find(reference);
    if (!found) return undefined;
    const known = this.written.get(found);
    if (known) return `./${this.options.sponsorId}/${known}`;
    if (extname(found).toLowerCase() === '.svg') {
      const [problem] = svgProblems(readFileSync(found, 'utf8').replace(/^\uFEFF/, ''));
      if (problem) {
        this.notPlain.set(reference, problem);
        return undefined;
      }
    }
    const name = this.name(found);
    this.files.push({ path: join(this.options.targetDir, name), content: readFileSync(found) });
    this.written.set(found, name);
    this.copied.push({ name, source: reference });
    return `./${this.options.sponsorId}/${name}`;
  }

  /** An image: copied when found, else a placeholder SVG with `label`. Returns "./<id>/<name>". */
  image(written: string, label: string, shape: 'photo' | 'hero' = 'photo'): string {
    const reference = this.sitePath(written);
    const remote = /^(https?:)?\/\//i.test(reference) || reference.startsWith('data:');
    if (!remote && imageTypes.has(extname(reference.split(/[?#]/)[0]!).toLowerCase())) {
      const copied = this.copy(reference);
      if (copied) return copied;
    }
    const key = `placeholder:${reference}`;
    const known = this.written.get(key);
    if (known) return `./${this.options.sponsorId}/${known}`;
    const name = this.name(reference.startsWith('data:') ? 'image' : reference, '.svg');
    const original = reference.startsWith('data:') ? 'an inline data: image' : basename(reference.split(/[?#]/)[0]!) || reference;
    this.files.push({ path: join(this.options.targetDir, name), content: placeholderSvg(label || original, `placeholder for ${original}`, shape) });
    this.written.set(key, name);
    const notPlain = this.notPlain.get(reference);
    const why = notPlain ? `; the old file is not a plain drawing (${notPlain}): export it again as plain SVG, or use a PNG` : '';
    this.placeholders.push({ name, source: reference, remote, note: `placeholder for ${original}${why}` });
    return `./${this.options.sponsorId}/${name}`;
  }

  /** A placeholder image under a fixed name (e.g. hero.svg when the old theme set the image). */
  placeholder(name: string, label: string, shape: 'photo' | 'hero', note: string): string {
    this.placeholders.push({ name, source: name, remote: false, note: `placeholder: ${note}` });
    return this.add(name, placeholderSvg(label, `placeholder: ${note}`, shape));
  }

  /** Writes a generated file (logo, placeholder) under a fixed name. */
  add(name: string, content: string | Uint8Array): string {
    this.names.add(name);
    this.files.push({ path: join(this.options.targetDir, name), content });
    return `./${this.options.sponsorId}/${name}`;
  }
}
