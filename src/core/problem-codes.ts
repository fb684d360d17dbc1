/**
 * Every kind of problem the content check reports, by a short code that stays the same while
 * the words change: the schemas, the references between files, the MDX guard over booth text,
 * the check of what booth text compiles to, and the warnings. Each code has a heading of its
 * own in docs/errors.md (`### \`unknown-tier\``), and every printed problem ends with the
 * address of its heading, e.g. `(docs/errors.md#unknown-tier)`. tests/unit/error-codes.test.ts
 * holds this list and the headings of docs/errors.md equal, both ways.
 */
export const problemCodes = {
  // Files and syntax
  'front-matter': 'a sponsor file does not start with front matter',
  'yaml-syntax': 'a file is not valid YAML',
  'read-differently': 'a value the build would read as another type than the check does (a date where text belongs)',
  'file-name': 'a file name that cannot be an address',
  'reserved-name': 'a sponsor named like a page of the roles board',
  'same-name': 'two files that make the same sponsor or role',
  'unread-file': 'a file with an extension the build does not read',
  'hidden-character': 'an invisible character that makes text read two ways',
  'missing-file': 'a file every site needs is missing',
  'not-a-list': 'a list file that is not a YAML list',
  'role-outside-folder': 'a role file outside a sponsor folder',
  // Fields
  'unknown-field': 'a field the file does not define, usually a misspelt one',
  'missing-field': 'a required field is missing',
  'wrong-type': 'a value of the wrong kind (text, list, mapping)',
  'not-one-of': 'a value outside its list of choices',
  'date-format': 'a date or time not written as the field expects',
  'date-order': 'dates in the wrong order',
  'too-long': 'a text over its length limit',
  'empty-text': 'a text field left empty',
  'out-of-range': 'a number outside what the field allows',
  'too-few': 'a list with fewer entries than it needs',
  'value-format': 'a small value not written in its format (ids, codes, paths, handles)',
  'one-of-fields': 'an entry that needs one field of a pair, or exactly one of several',
  // References between files
  'unknown-tier': 'a tier tiers.yaml does not define',
  'programme-tier': 'a tier in the wrong programme field',
  'unknown-area': 'a research area areas.yaml does not define',
  'unknown-location': 'a place locations.yaml does not define',
  'location-kind': 'an entry of locations.yaml that mixes the fields of two kinds',
  'remote-only': 'a region or time-zone band held on site',
  'role-folder': 'a role folder that names no sponsor',
  'duplicate-id': 'an id used twice',
  'duplicate-name': 'two sponsors with one name',
  'taken-address': 'an old booth address that the site or another booth already uses',
  'unknown-reference': 'an id of the booth (a unit, a channel, an event) that the booth does not declare',
  'repeat-of': 'an event that repeats itself or a repeat',
  'no-conference-chat': 'a chat channel on a site without a conference chat',
  // Roles
  'no-apply-link': 'a role with no way to apply',
  currency: 'a price or pay without an ISO 4217 currency code',
  'salary-range': 'a salary range without an end, or with its ends swapped',
  // Images, media and files
  'remote-image': 'an image that is a link, not a file',
  'remote-file': 'a video, captions or document that is a link, not a file',
  'file-path': 'a path that does not start at the sponsor file',
  'no-such-file': 'a path to a file that does not exist',
  'symbolic-link': 'a symbolic link in the content folder',
  'unreadable-image': 'a picture file the build cannot read, or one too large to resize',
  'unsafe-svg': 'an SVG file that is more than a drawing (a script, a link, an embedded image)',
  'file-type': 'a file of another type than the field takes',
  'no-alt-text': 'an image without alt text',
  'media-entry': 'a media item without what its kind and platform need',
  // Links
  'not-http-url': 'a link that is not an absolute http(s) address',
  'wrapped-link': 'a link wrapped by a mail filter or a redirector',
  'tracking-parameters': 'a link with tracking parameters',
  'platform-address': 'a profile or channel address on another host than its platform',
  'channel-entry': 'a channel without what its kind needs',
  // Booth text (MDX)
  script: 'a <script> in booth text',
  style: 'a <style> in booth text',
  iframe: 'an <iframe> in booth text',
  head: 'a page head in booth text',
  'obsolete-html': 'presentational HTML (<center>, <font>, <marquee>)',
  'raw-table': 'an HTML table or a part of one',
  'raw-html': 'any other HTML element',
  'inline-style': 'a style= attribute',
  'event-handler': 'an on…= attribute',
  directive: 'a client: or set: directive',
  'unsafe-url': 'a javascript:, data:, vbscript: or file: address',
  'import-export': 'an import or export line',
  expression: 'a {…} that is code, not a plain value',
  'unknown-component': 'a component the booth text cannot use',
  'unknown-prop': 'a prop the component does not take',
  'missing-prop': 'a prop the component needs',
  'unknown-media': 'a <Video> or <Audio> id no media item has',
  'image-path': 'a Markdown image whose file is not an image beside the sponsor file',
  'image-reference': 'a reference-style Markdown image, which the build does not show',
  nesting: 'booth text nested deeper than any booth needs',
  'extra-h1': 'a # heading: the page has one, the sponsor name',
  'heading-skip': 'a heading that skips a level',
  'mdx-syntax': 'booth text that cannot be read as MDX',
  'mdx-compile': 'booth text the compiler cannot compile',
  'compiled-code': 'booth text that compiles to code',
  // Warnings
  'no-closing-date': 'warning: an open role without a closing date',
  'closes-before-posting': 'warning: a role that closes before it was posted',
  'tracking-on-apply-link': 'warning: an apply link with tracking parameters',
  'faint-logo': 'warning: a logo that hardly shows on its plate',
  'unreadable-logo': 'warning: a logo file that cannot be read as an image',
  // The brand and the build
  'brand-token': 'a value of src/styles/tokens.css the build cannot read',
  'build-setting': 'a build setting (BOOTHKIT_WORKERS, …) with a value the build does not take',
} as const;

export type ProblemCode = keyof typeof problemCodes;

/** The page that explains the codes, and the address of one code's heading on it. */
export const problemDocs = 'docs/errors.md';
export const explainedAt = (code: ProblemCode) => `${problemDocs}#${code}`;
