/**
 * Role descriptions are Markdown in a YAML field. They become HTML for the role page and the
 * JobPosting description, with what a role file must not smuggle in turned into plain text:
 * raw HTML is shown as text, links other than http(s)/mailto lose their link, images (which
 * would be hot-linked) become their alt text, and headings start below the page's own.
 */
import { defineMdastPlugin, markdownToHtml, type MdastContent } from 'satteri';

const safeUrl = /^(https?:|mailto:)/i;

const toText = (value: string): MdastContent => ({ type: 'text', value });

const tame = defineMdastPlugin({
  name: 'boothkit-role-description',
  html(node, ctx) {
    ctx.replaceNode(node, toText(node.value));
  },
  link(node, ctx) {
    if (!safeUrl.test(node.url)) ctx.replaceNode(node, toText(ctx.textContent(node)));
  },
  linkReference(node, ctx) {
    ctx.replaceNode(node, toText(ctx.textContent(node)));
  },
  definition(node, ctx) {
    ctx.removeNode(node);
  },
  image(node, ctx) {
    ctx.replaceNode(node, toText(node.alt ?? ''));
  },
  imageReference(node, ctx) {
    ctx.replaceNode(node, toText(node.alt ?? ''));
  },
  heading(node, ctx) {
    // The role page's own sections are <h2>; a description's "# Team" becomes an <h3>.
    ctx.setField(node, 'depth', Math.min(6, node.depth + 2) as 3 | 4 | 5 | 6);
  },
});

/** The description as safe HTML. */
export function descriptionHtml(markdown: string): string {
  return markdownToHtml(markdown, { mdastPlugins: [tame] }).html.trim();
}
