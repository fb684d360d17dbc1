/**
 * What both feed endpoints ([feed].json.ts and [feed].xml.ts) share: the open roles cut into
 * feed documents, each entry with its page URL and description HTML. Computed once per build.
 * (Files starting with "_" are not routes.)
 */
import { absoluteUrl, getBuildDate, getConference, getOpenRoles } from '../content.ts';
import { routes } from '../lib/routes.ts';
import { descriptionHtml } from '../lib/description.ts';
import { paginate } from '../lib/facets.ts';
import { rolesPerFeed, type FeedEntry, type FeedOptions } from '../lib/feeds.ts';
import { roleSummaryHtml } from '../lib/jsonld.ts';

let documents: Promise<{ number: number; count: number; entries: FeedEntry[] }[]> | undefined;

function feedDocuments() {
  documents ??= getOpenRoles().then((roles) =>
    paginate(roles, rolesPerFeed).map((page) => ({
      number: page.number,
      count: page.count,
      entries: page.items.map((role) => ({
        role,
        url: absoluteUrl(routes.role(role)),
        contentHtml: role.description ? descriptionHtml(role.description) : roleSummaryHtml(role),
      })),
    })),
  );
  return documents;
}

/** Static paths of one feed format: { feed: "roles" }, { feed: "roles-2" }, … */
export async function feedPaths() {
  const docs = await feedDocuments();
  return docs.map((doc) => ({ params: { feed: routes.feedName(doc.number) }, props: { number: doc.number } }));
}

/** The entries and options of feed document `number` in `format`. */
export async function feedDocument(format: 'json' | 'xml', number: number): Promise<{ entries: FeedEntry[]; options: FeedOptions }> {
  const [docs, conference] = await Promise.all([feedDocuments(), getConference()]);
  const doc = docs[number - 1]!;
  return {
    entries: doc.entries,
    options: {
      title: `Open roles · ${conference.name}`,
      description: `Internships and jobs from the sponsors of ${conference.name}, newest first.`,
      homePageUrl: absoluteUrl(routes.board),
      feedUrl: absoluteUrl(routes.feed(format, number)),
      nextUrl: number < doc.count ? absoluteUrl(routes.feed(format, number + 1)) : undefined,
      updated: getBuildDate(),
    },
  };
}
