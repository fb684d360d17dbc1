/**
 * What booth authors may write in MDX: the kit's components with their props, and a few
 * harmless inline HTML elements. The booth page passes exactly these components to
 * `<Content components={…} />`, so booth files never import anything.
 */
import { pictureExtensionPattern } from '../../core/pictures.ts';

export interface ComponentSpec {
  /** Props the component takes. */
  props: readonly string[];
  /** Props that must be present. */
  required?: readonly string[];
  /** Props that hold an image path (checked for alt text, hot-linking and existence). */
  image?: string;
}

/** Components for prose: pictures, media, asides, link lists. */
const proseComponents = {
  Figure: { props: ['src', 'alt', 'decorative', 'caption', 'credit', 'text'], required: ['src'], image: 'src' },
  Gallery: { props: ['caption'] },
  Video: { props: ['id', 'url', 'title'] },
  Audio: { props: ['id', 'url', 'title'] },
  Callout: { props: ['kind', 'title'] },
  LinkList: { props: ['title'] },
} as const satisfies Record<string, ComponentSpec>;

/**
 * The typed sections of the booth as components. Each renders its front-matter list where
 * the author places it; a section not placed in the body is shown after it.
 */
const sectionComponents = {
  Units: { props: [] },
  Contacts: { props: [] },
  Events: { props: [] },
  Publications: { props: [] },
  Showcase: { props: [] },
  Media: { props: [] },
  People: { props: [] },
  Offers: { props: [] },
  Resources: { props: [] },
} as const satisfies Record<string, ComponentSpec>;

export type SectionName = keyof typeof sectionComponents;
export const sectionNames = Object.keys(sectionComponents) as SectionName[];

export const allowedComponents: Record<string, ComponentSpec> = { ...proseComponents, ...sectionComponents };

/** Inline HTML that cannot run, load or restyle anything, with the attributes it may carry. */
export const allowedHtml: Record<string, readonly string[]> = {
  br: [],
  wbr: [],
  sup: [],
  sub: [],
  small: [],
  mark: [],
  kbd: [],
  abbr: ['title'],
  dfn: ['title'],
  q: ['cite'],
  s: [],
  del: [],
  ins: [],
  time: ['datetime'],
  span: ['lang'],
};

/**
 * A local image a booth may show: a path from the sponsor file starting with "./", staying
 * below it (no segment starts with "."), with an image extension and no query, hash or "%".
 * The compiler imports a Markdown image's file (decoded), so this is also what keeps it from
 * importing code: a module by any other extension would run when the site is built.
 */
const pathPart = String.raw`[^/\\?#%.\u0000-\u001f][^/\\?#%\u0000-\u001f]*`;
export const localImagePath = new RegExp(String.raw`^\.\/(?:${pathPart}\/)*${pathPart}\.(?:${pictureExtensionPattern})$`, 'i');
