/** The addresses a sitemap lists (`<loc>`), entity-decoded, with their lines; parsed as XML. */
import { Parser } from 'htmlparser2';

export function sitemapLocations(xml: string): { loc: string; line: number }[] {
  const found: { loc: string; line: number }[] = [];
  let open: { loc: string; line: number } | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'loc') open = { loc: '', line: xml.slice(0, parser.startIndex).split('\n').length };
      },
      ontext(text) {
        if (open) open.loc += text;
      },
      onclosetag(name) {
        if (name === 'loc' && open) found.push({ loc: open.loc.trim(), line: open.line });
        open = undefined;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return found;
}
