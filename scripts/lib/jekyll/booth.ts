/**
 * One Jekyll booth page → a sponsor MDX file, its images and its role files. Pure planning:
 * it returns the files to write and a report; the command decides whether to write them.
 */
import { basename, extname, join } from 'node:path';
import { Document, stringify } from 'yaml';
import { employmentTypeLabels } from '../../../src/lib/model.ts';
import { platformIds, platformProblem, platforms, type PlatformId } from '../../../src/core/socials.ts';
import { isJobBoardHost, urlProblem } from '../../../src/core/urls.ts';
import { maxChars } from '../../../src/schemas/limits.ts';
import type { StandIn } from '../../../src/schemas/stand-ins.ts';
import { backgroundPosition } from '../../../src/schemas/shared.ts';
import { legacyPermalink } from '../../../src/schemas/sponsor.ts';
import type { NewFile } from '../cli.ts';
import { logoSvg } from '../placeholder-svg.ts';
import { checkSlug, findTier, mainTiers, paths, slugify, today, type Project } from '../project.ts';
import { checkUrl } from '../role-input.ts';
import { standInsYaml } from '../scaffold.ts';
import { Assets } from './assets.ts';
import { convertBody, jsxAttr } from './body.ts';
import type { EventDraft } from './events.ts';
import type { JobRole } from './jobs.ts';
import { convertSection, scheduleTable, type Publication, type SectionContext } from './lists.ts';
import { resolveLiquid } from './liquid.ts';
import { Report } from './report.ts';
import { cleanLink, looksLikeRoles, roleColumns, rolesFromTable, type RoleDraft } from './roles.ts';
import { readJekyllYaml } from './yaml.ts';
import { count } from '../../../src/core/wording.ts';
import { splitFrontMatter } from '../../../src/core/front-matter.ts';
import { isOwnAddress, routes } from '../../../src/lib/routes.ts';
import { readSource } from './source.ts';

export interface BoothOptions {
  project: Project;
  /** The booth page; without one, a sponsor file with no body is planned (a hall entry). */
  file?: string | undefined;
  /** Where the sponsor came from, for the first comment of each file (default: the page's name). */
  source?: string | undefined;
  id?: string | undefined;
  name?: string | undefined;
  tier?: string | undefined;
  website?: string | undefined;
  summary?: string | undefined;
  logo?: string | undefined;
  hero?: string | undefined;
  posted?: string | undefined;
  validThrough?: string | undefined;
  siteRoot?: string | undefined;
  siteUrl?: string | undefined;
  /** Prefixes that mean "this site" in links and image paths (its address, its base path). */
  sitePrefixes?: string[] | undefined;
  /** Tiers of other programmes (tiers.yaml ids), e.g. from the site's sponsor list. */
  programmeTiers?: string[] | undefined;
  /** The year of days written without one, and where it comes from. */
  year?: { value: number; from: string } | undefined;
  /** Length of events that give only a start (--event-minutes). */
  eventMinutes?: number | undefined;
  /** Written with draft: true, and why (shown in the report). */
  draft?: string | undefined;
  /** Unknown research areas: added to areas.yaml (collected here) instead of reported. */
  newAreas?: Map<string, string> | undefined;
  /** Stand-ins the caller chose (a website, a name from a file name), marked in the file with the importer's own. */
  standIns?: StandIn[] | undefined;
}

export interface BoothPlan {
  id: string;
  name: string;
  files: NewFile[];
  /** Notes shown next to written files, by path. */
  fileNotes: Map<string, string>;
  report: Report;
  roles: RoleDraft[];
  /** Roles made from job links (drafts until completed). */
  jobs: JobRole[];
  events: EventDraft[];
  publications: Publication[];
  applyLinks: number;
  /** Written with draft: true (on no page until the author removes it). */
  draft: boolean;
}

/** Front matter keys of Jekyll booth themes, by what they mean here. */
const keys = {
  name: ['title', 'name', 'sponsor'],
  tier: ['tier', 'level', 'sponsor_level', 'sponsorship', 'category'],
  website: ['website', 'sponsor_url', 'company_url', 'homepage', 'link', 'url'],
  summary: ['summary', 'description', 'excerpt', 'subtitle', 'tagline'],
  logo: ['logo', 'sponsor_logo', 'logo_image'],
  hero: ['hero', 'hero_image', 'header_image', 'image', 'background', 'background_image', 'banner', 'cover'],
  careers: ['careers', 'careers_url', 'jobs', 'jobs_url'],
  position: ['background_position', 'hero_position'],
  permalink: ['permalink'],
  redirects: ['redirect_from'],
  date: ['date'],
  chat: ['slack', 'slack_channel', 'chat', 'channel'],
  email: ['email', 'contact_email', 'contact'],
  ignored: ['layout', 'sitemap', 'nav', 'order', 'weight', 'published', 'tags', 'categories', 'author', 'toc', 'comments'],
};

function pick(front: Record<string, unknown>, names: string[]): { key: string; value: string } | undefined {
  for (const key of names) {
    const value = front[key];
    if (typeof value === 'string' && value.trim()) return { key, value: value.trim() };
    if (value instanceof Date) return { key, value: value.toISOString().slice(0, 10) };
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { src?: unknown }).src === 'string') return { key, value: (value as { src: string }).src };
  }
  return undefined;
}

/** Front matter read as Jekyll reads it (a repeated key: the last wins, listed in `duplicates`). */
export function readFrontMatter(text: string): { front: Record<string, unknown>; body: string; duplicates: string[]; error?: string } {
  const split = splitFrontMatter(text);
  if (!split) return { front: {}, body: text, duplicates: [] };
  const { data, duplicates, error } = readJekyllYaml(split.yaml, 2);
  const { body } = split;
  if (error) return { front: {}, body, duplicates, error };
  return { front: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body, duplicates };
}

function liquidPath(value: string | undefined, report: Report): string | undefined {
  return value === undefined ? undefined : resolveLiquid(value, report).trim();
}

/** The platform a profile address is on (not federated ones, which any host may serve). */
function socialPlatform(url: string): PlatformId | undefined {
  return platformIds.find((id) => platforms[id].hosts.length > 0 && !platformProblem(id, url) && !urlProblem(url));
}

/** "Spotify Virtual Booth" → "Spotify". */
export function sponsorName(title: string): string {
  return title.replace(/\s*[-–—:|]?\s*(virtual\s+)?booth\s*$/i, '').replace(/^(virtual\s+)?booth\s*[-–—:|]\s*/i, '').trim() || title;
}

const keywordPercent: Record<string, string> = { left: '0%', top: '0%', center: '50%', right: '100%', bottom: '100%' };

/** "0% 35%", "center top", "left" → "X% Y%", or undefined when unreadable. */
export function heroPosition(value: string): string | undefined {
  const words = value.trim().toLowerCase().split(/\s+/);
  // One keyword names one axis; the other is centred ("top" = "center top").
  if (words.length === 1) words.splice(words[0] === 'top' || words[0] === 'bottom' ? 0 : 1, 0, 'center');
  if (words.length === 2 && (words[0] === 'top' || words[0] === 'bottom' || words[1] === 'left' || words[1] === 'right')) words.reverse();
  const result = words.map((w) => keywordPercent[w] ?? w).join(' ');
  return backgroundPosition.safeParse(result).success ? result : undefined;
}

/** A permalink of the old site as a legacy path ("/spotify/"), or undefined when it cannot be one. */
function legacyPath(value: string): string | undefined {
  let path = value.trim().replace(/:[a-z_]+/gi, '');
  if (/\.html?$/.test(path)) return undefined;
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/')) path = `${path}/`;
  return legacyPermalink.safeParse(path).success ? path : undefined;
}

/** The careers site most apply links point to, unless it is a generic job board. */
function careersSite(roles: RoleDraft[]): string | undefined {
  const counts = new Map<string, number>();
  for (const role of roles) for (const l of role.locations) if (l.applyUrl && /^https?:/.test(l.applyUrl)) counts.set(new URL(l.applyUrl).origin, (counts.get(new URL(l.applyUrl).origin) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return best && !isJobBoardHost(new URL(best).hostname) ? best : undefined;
}

/** "Spotify at ISMIR 2020: 6 internships and 5 full-time openings in Audio Intelligence, …". */
function generatedSummary(name: string, conference: string | undefined, roles: RoleDraft[], areaLabel: (id: string) => string): string {
  const kinds = Object.entries(employmentTypeLabels)
    .map(([kind, label]) => ({ n: roles.filter((r) => r.employmentType === kind).length, label: label.plural.toLowerCase() }))
    .filter((k) => k.n > 0)
    .map((k) => `${k.n} ${k.n === 1 ? k.label.replace(/s$/, '').replace(/ openings$/, ' opening') : k.label}`);
  const head = `${name}${conference ? ` at ${conference}` : ''}`;
  if (kinds.length === 0) return `${head}.`;
  const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : kinds[0]!;
  const areas = [...new Set(roles.flatMap((r) => r.researchAreas))].map(areaLabel);
  let text = `${head}: ${list}`;
  for (const [i, area] of areas.entries()) {
    const next = `${text}${i === 0 ? ' in ' : ', '}${area}`;
    if (next.length > 250) return `${text} and more.`;
    text = next;
  }
  return `${text}.`;
}

/** A Slack channel or contact address of the front matter → booth channels. */
function chatChannels(front: Record<string, unknown>, project: Project, report: Report): Record<string, unknown>[] {
  const channels: Record<string, unknown>[] = [];
  const chat = pick(front, keys.chat);
  if (chat) {
    const handle = `#${chat.value.replace(/^#/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
    // With the conference chat configured, a booth names only its channel.
    const kind = project.conference?.chat ? 'chat' : 'slack';
    channels.push({ kind, handle });
    report.done(`${chat.key}: ${chat.value} → channels (${kind === 'chat' ? 'the conference chat' : 'Slack'})`);
  }
  const email = pick(front, keys.email);
  if (email && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(email.value.replace(/^mailto:/, ''))) {
    channels.push({ kind: 'email', url: `mailto:${email.value.replace(/^mailto:/, '')}` });
    report.done(`${email.key}: ${email.value} → channels (e-mail)`);
  }
  return channels;
}

/** Role data in the order and style of the hand-written demo files. */
function roleYaml(role: RoleDraft, posted: string, validThrough: string | undefined, source: string): string {
  const data: Record<string, unknown> = { title: role.title, employmentType: role.employmentType, order: role.order };
  if (role.seniority.length) data['seniority'] = role.seniority;
  if (role.term && Object.keys(role.term).length) data['term'] = role.term;
  data['locations'] = role.locations;
  if (role.researchAreas.length) data['researchAreas'] = role.researchAreas;
  if (Object.keys(role.eligibility).length) data['eligibility'] = role.eligibility;
  if (role.requirements) data['requirements'] = role.requirements;
  if (role.statusNote) data['statusNote'] = role.statusNote;
  data['datePosted'] = posted;
  const closes = role.validThrough ?? validThrough;
  if (closes) data['validThrough'] = closes;
  if (role.description) data['description'] = role.description;
  const doc = new Document(data);
  // Short lists and the term read best on one line, as in the hand-written files.
  for (const path of [['term'], ['seniority'], ['eligibility', 'enrolledIn']]) {
    const node = doc.getIn(path, true) as { flow?: boolean } | undefined;
    if (node && typeof node === 'object') node.flow = true;
  }
  const standIns: StandIn[] = closes ? [] : [{ field: 'validThrough', note: 'the last day to apply (the booth gave none)' }];
  return `# Imported from ${source} by npm run import:jekyll; fields: docs/authoring.md\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}${standInsYaml(standIns)}`;
}

export function planBooth(options: BoothOptions): { plan: BoothPlan } | { errors: string[] } {
  const { project } = options;
  const report = new Report();
  const pageText = options.file ? readSource(options.file) : { text: '', changed: 0 };
  const { front, body, duplicates, error } = readFrontMatter(pageText.text);
  if (pageText.changed > 0) report.note(`removed ${count(pageText.changed, 'invisible character')} (line separators, direction or control characters pasted into the old page; Windows-1252 quotes became the characters they stand for)`);
  const page = options.file ?? options.source ?? 'the sponsor list';
  const errors: string[] = [];
  if (error) errors.push(`${page}: the front matter is not valid YAML (${error})`);
  for (const line of duplicates) report.note(`front matter: ${line}`);

  const nameFrom = pick(front, keys.name);
  const name = options.name ?? (nameFrom ? sponsorName(nameFrom.value) : undefined);
  if (!name) errors.push(`${page}: no title in the front matter; pass --name`);
  const id = options.id ?? slugify(name ?? basename(page, extname(page)).replace(/-?booth$/i, ''));
  const idProblem = checkSlug(id, 'sponsor');
  if (idProblem) errors.push(`${page}: ${id ? idProblem : `cannot make a file name from "${name}"; pass --id`}`);
  const tierValue = options.tier ?? pick(front, keys.tier)?.value;
  const tier = tierValue ? findTier(project, tierValue) : `no tier for ${name ?? page}: pass --tier (${mainTiers(project).map((t) => t.id).join(', ')})`;
  if (typeof tier === 'string') errors.push(tier);
  const website = options.website ?? pick(front, keys.website)?.value;
  if (!website) errors.push(`no website for ${name ?? page}: pass --website https://…`);
  else if (checkUrl(website, 'the website')) errors.push(checkUrl(website, 'the website')!);
  if (errors.length || typeof tier === 'string' || !name || !website) return { errors };

  const source = options.source ?? basename(page);
  const assetsDir = paths.sponsorAssets(project, id);
  const assets = new Assets({ boothFile: options.file ?? join(options.siteRoot ?? '.', 'index.md'), siteRoot: options.siteRoot, sitePrefixes: options.sitePrefixes ?? [], targetDir: assetsDir, sponsorId: id });
  const fileNotes = new Map<string, string>();
  const media: Record<string, unknown>[] = [];
  const resources: Record<string, unknown>[] = [];
  const roles: RoleDraft[] = [];
  let tables = 0;
  const posted = options.posted ?? pick(front, keys.date)?.value.slice(0, 10) ?? today();
  const careersFrom = pick(front, keys.careers)?.value;
  const sections: SectionContext = {
    report,
    project,
    sponsorId: id,
    sponsor: { name, link: careersFrom && !checkUrl(careersFrom, '') ? careersFrom : website },
    posted,
    validThrough: options.validThrough,
    year: options.year,
    eventMinutes: options.eventMinutes,
    publications: [],
    events: [],
    jobs: [],
    usedRoleIds: new Set<string>(),
    usedEventIds: new Set<string>(),
    placed: new Set<string>(),
    kept: [],
  };
  const { publications, events, jobs } = sections;
  const socials: Partial<Record<PlatformId, string>> = {};

  const mdx = convertBody(body, {
    report,
    image: (src, alt) => assets.image(src, alt),
    link(href, text) {
      const linkText = text || href;
      if (/^(#|mailto:)/i.test(href)) return href;
      if (/^https?:\/\//i.test(href)) {
        const url = cleanLink(href, { report });
        // An icon link to a profile ("Follow us" buttons) says nothing as text: it becomes the booth's socials.
        const platform = !text.trim() || text === href || text.startsWith('@') ? socialPlatform(url) : undefined;
        if (platform && !socials[platform]) {
          socials[platform] = url;
          report.done(`an icon link to ${url} → socials.${platform} (shown with the booth's contacts)`);
          return undefined;
        }
        return url;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
        report.todo(`removed the link "${linkText}" (${href.slice(0, 40)}): only http(s), mailto: and #anchors are allowed`);
        return undefined;
      }
      const document = /\.(pdf|pptx?|odp|key|csv|zip|txt|md)$/i.exec(href.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
      if (document) {
        const file = assets.copy(href);
        if (file) {
          // "Paper" or "here" alone says little on the booth's list of resources: add the file's name.
          const label = linkText.replace(/[*_\\]/g, '');
          resources.push({ label: /^(paper|pdf|slides|here|link|download|file|this)$/i.test(label) ? `${label} (${basename(href.split(/[?#]/)[0]!)})` : label, kind: document === 'pdf' ? 'pdf' : /ppt|odp|key/.test(document) ? 'slides' : document === 'csv' || document === 'zip' ? 'dataset' : 'page', file });
          report.done(`moved the linked file ${basename(href)} to the booth's resources (listed on the booth page)`);
          return undefined;
        }
      }
      if (options.siteUrl) {
        const url = new URL(href, options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`).href;
        report.note(`a link to the old site kept as ${url}`);
        return url;
      }
      report.todo(`the link "${linkText}" went to ${href} on the old site; only its text is kept (pass --site-url https://old.site to keep such links, or edit the booth)`);
      return undefined;
    },
    media(src, title, kind, captions) {
      const youtube = /(?:youtube(?:-nocookie)?\.com\/(?:embed\/|watch\?v=|v\/)|youtu\.be\/)([\w-]{6,})/.exec(src);
      const vimeo = /vimeo\.com\/(?:video\/)?(\d+)/.exec(src);
      const itemTitle = title || `${kind === 'video' ? 'Video' : 'Recording'} ${media.length + 1}`;
      const named = () => {
        if (!title) report.todo(`a ${kind} had no title; it is called "${itemTitle}": give it a real one in the media list of the front matter`);
      };
      let mediaId = slugify(itemTitle).slice(0, 40).replace(/-$/, '') || `media-${media.length + 1}`;
      for (let n = 2; media.some((m) => m['id'] === mediaId); n++) mediaId = `${slugify(itemTitle).slice(0, 36)}-${n}`;
      if (youtube || vimeo) {
        named();
        const url = youtube ? `https://www.youtube.com/watch?v=${youtube[1]}` : `https://vimeo.com/${vimeo![1]}`;
        media.push({ id: mediaId, kind, title: itemTitle, platform: youtube ? 'youtube' : 'vimeo', url });
        report.done(`converted an embedded ${youtube ? 'YouTube' : 'Vimeo'} player to <Video> (a poster and a link; no third-party frame)`);
        return `<${kind === 'video' ? 'Video' : 'Audio'} ${jsxAttr('id', mediaId)} />`;
      }
      if (/\.(mp4|webm|mp3|ogg|opus|m4a|wav)$/i.test(src.split(/[?#]/)[0]!) && !/^(https?:)?\/\//.test(src)) {
        const file = assets.find(src);
        const vtt = captions ? assets.find(captions) : undefined;
        if (file && (kind === 'audio' || vtt)) {
          named();
          const copied = assets.copy(src)!;
          media.push({ id: mediaId, kind, title: itemTitle, platform: 'file', file: copied, ...(vtt ? { captions: assets.copy(captions!) } : {}) });
          if (kind === 'audio') report.todo(`the audio ${basename(src)} needs a transcript link: add transcript: https://… to its media entry`);
          report.done(`converted the ${kind} file ${basename(src)} to <${kind === 'video' ? 'Video' : 'Audio'}>`);
          return `<${kind === 'video' ? 'Video' : 'Audio'} ${jsxAttr('id', mediaId)} />`;
        }
        report.todo(`not converted: the ${kind} file ${src} ${file ? 'has no captions; add a WebVTT file next to it and list both under media: (platform: file, file:, captions:)' : 'was not found next to the booth (pass --site-root)'}; then place it with <Video id="…" />`);
        return undefined;
      }
      if (/^https?:\/\//.test(src)) {
        report.todo(`an embedded frame from ${new URL(src).hostname} became a plain link ("${itemTitle}"): booth pages load no third-party frames`);
        return `[${itemTitle}](${cleanLink(src, { report })})`;
      }
      report.todo(`removed an embedded ${kind} (${src}) that could not be converted`);
      return undefined;
    },
    section: (block, where) => convertSection(block, where, sections),
    scheduleTable: (table, heading) => scheduleTable(table, heading, sections),
    roleTable(table, heading) {
      const columns = roleColumns(table);
      if (!columns) {
        if (looksLikeRoles(table)) report.todo(`a table under "${heading}" lists roles but has no location column, so it stayed a table: roles need places with apply links; add role files (npm run new:role)`);
        return false;
      }
      tables++;
      roles.push(...rolesFromTable(table, columns, { heading, project, report, newAreas: options.newAreas }, sections.usedRoleIds));
      return true;
    },
  });

  // Identity: front matter first, flags override; what is missing gets a visible stand-in.
  // Front matter paths may hold Liquid too: hero_image: "{{ site.baseurl }}/assets/…".
  const logoRef = options.logo ?? liquidPath(pick(front, keys.logo)?.value, report);
  const standIns: StandIn[] = [...(options.standIns ?? [])];
  let logo: string;
  if (logoRef) {
    logo = assets.image(logoRef, name);
    if (assets.placeholders.some((p) => p.source === logoRef)) {
      const notPlain = assets.notPlain.get(logoRef);
      report.todo(notPlain ? `the logo ${logoRef} is not a plain drawing (${notPlain}); a placeholder stands in: export it again as plain SVG, or use a PNG` : `the logo ${logoRef} was not found; a placeholder stands in`);
      standIns.push({ field: 'logo.src', value: logo, note: `the real logo (${basename(logoRef)} ${notPlain ? 'is not a plain drawing' : 'was not found on the old site'})` });
    }
  } else {
    logo = assets.add('logo.svg', logoSvg(name));
    standIns.push({ field: 'logo.src', value: logo, note: 'the real logo (a text logo with the name stands in)' });
    fileNotes.set(join(assetsDir, 'logo.svg'), 'a text logo: replace it with the real one');
    report.todo(`no logo ${options.file ? 'in the booth page' : 'in the sponsor list'}: a text logo with the name stands in (${id}/logo.svg); replace it${options.file ? ', or pass --logo' : ''}`);
  }
  const positionFrom = pick(front, keys.position);
  const heroRef = options.hero ?? liquidPath(pick(front, keys.hero)?.value, report);
  let hero: { src: string; position?: string } | undefined;
  if (heroRef || positionFrom) {
    const position = positionFrom ? heroPosition(positionFrom.value) : undefined;
    if (positionFrom && !position) report.todo(`${positionFrom.key}: "${positionFrom.value}" is not two percentages or keywords; set hero.position by hand`);
    const src = heroRef ? assets.image(heroRef, `${name} header image`, 'hero') : assets.placeholder('hero.svg', `${name} header image`, 'hero', 'the old theme chose this image');
    if (!heroRef) report.todo(`the page had a hero band (${positionFrom!.key}: ${positionFrom!.value}) but its image is set by the old theme: a placeholder stands in (${id}/hero.svg); replace it, or pass --hero`);
    if (assets.placeholders.some((p) => `./${id}/${p.name}` === src)) standIns.push({ field: 'hero.src', value: src, note: 'the real header image (a placeholder stands in)' });
    hero = { src, ...(position ? { position } : {}) };
    if (position) report.done(`${positionFrom!.key}: ${positionFrom!.value.trim()} → hero.position: ${position}`);
  }
  const legacy = [pick(front, keys.permalink)?.value, ...[front['redirect_from']].flat()].filter((v): v is string => typeof v === 'string');
  const legacyPermalinks = legacy.flatMap((p) => {
    const path = legacyPath(p);
    if (path === routes.booth({ id })) {
      report.note(`the old address ${p} is the booth's new address too: nothing to redirect`);
      return [];
    }
    if (path && isOwnAddress(path)) {
      report.todo(`the old address ${p} is where the new site has pages or files of its own, so it cannot lead to the booth; redirect it on your web server if it must`);
      return [];
    }
    const holder = path ? project.legacyPermalinks.get(path.toLowerCase()) : undefined;
    if (holder && holder !== id) {
      report.todo(`the old address ${p} already leads to the booth ${holder} (src/content/sponsors/${holder}.mdx); left out here: keep it in one of the two`);
      return [];
    }
    if (path) report.done(`permalink ${p} → legacyPermalinks (the old address keeps working)`);
    else report.todo(`the old address ${p} cannot be a legacy permalink (it must be a folder path like /spotify/); redirect it on your web server`);
    return path ? [path] : [];
  });
  const guessed = careersSite(roles);
  const careers = careersFrom ?? sections.careersUrl ?? (guessed && guessed !== new URL(website).origin ? guessed : undefined);
  if (careers && !careersFrom && !sections.careersUrl) report.note(`careersUrl guessed from the apply links: ${careers}`);
  const areaLabel = (areaId: string) => project.areas.find((a) => a.id === areaId)?.label ?? options.newAreas?.get(areaId) ?? areaId;
  const summaryFrom = options.summary ?? pick(front, keys.summary)?.value;
  const summary = summaryFrom ?? generatedSummary(name, project.conference?.name, roles, areaLabel);
  if (!summaryFrom) standIns.push({ field: 'summary', value: summary, note: 'the sponsor\'s own one or two sentences' });
  // The hall shows summaries next to large logos only; a stand-in matters less elsewhere.
  if (!summaryFrom && (options.file || tier.logoSize !== 's')) report.todo(`no summary in the ${options.file ? 'booth page' : 'sponsor list'}: "${summary}" stands in; edit summary: in the front matter`);
  else if (!summaryFrom) report.note(`summary: "${summary}" stands in (the hall does not show it for ${tier.label} logos; feeds and search results do)`);
  if (summary.length > maxChars.summary) report.todo(`the summary has ${summary.length} characters; shorten it to ${maxChars.summary}`);

  const sponsor: Record<string, unknown> = { name, tier: tier.id, website, summary, logo: { src: logo, alt: name } };
  if (options.programmeTiers?.length) sponsor['programmeTiers'] = options.programmeTiers;
  if (hero) sponsor['hero'] = hero;
  if (legacyPermalinks.length) sponsor['legacyPermalinks'] = legacyPermalinks;
  if (careers && !checkUrl(careers, '')) sponsor['careersUrl'] = careers;
  if (front['published'] === false || options.draft) {
    sponsor['draft'] = true;
    if (options.draft) {
      report.todo(`written as a draft (on no page until you delete draft: true): ${options.draft}`);
      standIns.push({ field: 'draft', value: true, note: 'delete draft: true once the stand-ins here are real' });
    }
    else report.note('published: false → draft: true (the booth appears nowhere until you remove it)');
  }
  const channels = chatChannels(front, project, report);
  if (channels.length) sponsor['channels'] = channels;
  if (Object.keys(socials).length) sponsor['socials'] = socials;
  if (media.length) sponsor['media'] = media;
  if (resources.length) sponsor['resources'] = resources;
  if (events.length) sponsor['events'] = events;
  if (publications.length) sponsor['publications'] = publications;
  const used = new Set(Object.values(keys).flat());
  const unused = Object.keys(front).filter((k) => !used.has(k) || (keys.ignored.includes(k) && k !== 'layout'));
  if (unused.length) report.note(`front matter not used: ${unused.join(', ')}`);

  if ((roles.length || jobs.length) && !options.posted && !pick(front, keys.date)) report.note(`datePosted: ${posted} (today) on every role; pass --posted YYYY-MM-DD for the day they were published`);
  if (roles.length && !options.validThrough && roles.some((r) => !r.validThrough)) report.todo('no closing dates: roles without validThrough stay open forever; add validThrough: YYYY-MM-DD to each, or pass --valid-through');
  for (const role of roles) for (const place of role.locations) if (!place.applyUrl) report.todo(`role "${role.title}": no apply link for ${place.location}; add applyUrl`);

  // Text kept for the author to rework: marked by the longest start of it the booth text still shows word for word.
  for (const kept of sections.kept) {
    const words = kept.text.split(/\s+/).filter(Boolean);
    const shown = words.map((_, i) => words.slice(0, words.length - i).join(' ')).find((start) => start.length >= 12 && mdx.includes(start));
    if (shown) standIns.push({ field: 'body', value: shown, note: kept.note });
  }
  // Images of the booth text that were not found: placeholders stand in.
  const images = assets.placeholders.filter((p) => p.source !== 'hero.svg' && p.source !== logoRef);
  for (const image of images) if (mdx.includes(`./${id}/${image.name}`)) standIns.push({ field: 'body', value: `./${id}/${image.name}`, note: `the real image (${image.note})` });
  const files: NewFile[] = [
    { path: paths.sponsor(project, id), content: `---\n# Imported from ${source} by npm run import:jekyll; fields: docs/authoring.md\n${stringify(sponsor, { lineWidth: 0 })}${standInsYaml(standIns)}---\n\n${mdx.trim() ? `${mdx.trim()}\n` : ''}` },
    ...assets.files,
    ...roles.map((role) => ({ path: paths.role(project, id, role.id), content: roleYaml(role, posted, options.validThrough, source) })),
    ...jobs.map((role) => ({ path: paths.role(project, id, role.id), content: role.content })),
  ];
  for (const role of jobs) if (role.missing.length) fileNotes.set(paths.role(project, id, role.id), `a draft: fill in ${role.missing.join(', ')}`);
  for (const p of assets.placeholders) fileNotes.set(join(assetsDir, p.name), p.note);

  const applyLinks = roles.reduce((n, r) => n + r.locations.filter((l) => l.applyUrl).length, 0);
  if (tables) report.lead(`${count(roles.length, 'role')} from ${count(tables, 'HTML table')} (${count(applyLinks, 'apply link')}, one per location)`);
  if (assets.copied.length) report.done(`${count(assets.copied.length, 'file')} copied next to the sponsor file`);
  const notPlain = images.filter((p) => assets.notPlain.has(p.source));
  for (const image of notPlain) report.todo(`the image ${image.source} is not a plain drawing (${assets.notPlain.get(image.source)}); a placeholder stands in (${id}/${image.name}): export it again as plain SVG, or use a PNG`);
  const missing = images.filter((p) => !assets.notPlain.has(p.source));
  if (missing.length) {
    const remote = missing.filter((p) => p.remote).length;
    const where = remote ? `(${remote} on other sites, which booths may not hot-link)` : `(looked under ${assets.siteRoot()} and the folders in it)`;
    report.todo(`${count(missing.length, 'image')} not found ${where}: placeholders with their alt text stand in; put the real files in ${paths.sponsorAssets(project, id).replace(`${project.root}/`, '')}/ (same names, or change the paths) or pass --site-root <jekyll site>`);
  }
  return { plan: { id, name, files, fileNotes, report, roles, jobs, events, publications, applyLinks, draft: sponsor['draft'] === true } };
}
