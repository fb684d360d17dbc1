/** Values the Astro config gives the site's code at build time (astro.config.mjs, vite.define). */
interface ImportMetaEnv {
  /** The project folder (where astro.config.mjs is), absolute. */
  readonly BOOTHKIT_ROOT: string;
}
