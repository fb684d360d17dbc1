/**
 * Every component booth MDX may use, by the name authors write. The booth page passes this
 * map to `<Content components={…} />`, so booth files never import; the MDX guard
 * (src/lib/mdx-guard/components.ts) refuses any other name. Keep both lists in step: a unit
 * test compares them.
 */
import Contacts from '../booth/Contacts.astro';
import Events from '../booth/Events.astro';
import MediaList from '../booth/MediaList.astro';
import Offers from '../booth/Offers.astro';
import People from '../booth/People.astro';
import Publications from '../booth/Publications.astro';
import Resources from '../booth/Resources.astro';
import Showcase from '../booth/Showcase.astro';
import Units from '../booth/Units.astro';
import Audio from './Audio.astro';
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Gallery from './Gallery.astro';
import LinkList from './LinkList.astro';
import Video from './Video.astro';

export const sectionComponents = { Units, Contacts, Events, Publications, Showcase, Media: MediaList, People, Offers, Resources };

export const mdxComponents = { Figure, Gallery, Video, Audio, Callout, LinkList, ...sectionComponents };
