/**
 * Jekyll's Liquid and kramdown extras in a booth page → plain text the converter can read.
 * `{{ site.baseurl }}` paths become site paths ("/assets/…"), video includes become iframes
 * (converted later like pasted ones), and everything else Liquid is removed and reported:
 * MDX would read `{…}` as code.
 */
import type { Report } from './report.ts';

const videoEmbeds: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/embed/${id}`,
  vimeo: (id) => `https://player.vimeo.com/video/${id}`,
};

export function resolveLiquid(text: string, report: Report): string {
  let out = text
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, () => {
      report.note('removed a Liquid {% comment %} block');
      return '';
    })
    .replace(/\{%-?\s*(end)?raw\s*-?%\}/g, '')
    // {{ site.url }}{{ site.baseurl }}/x, {{site.baseurl}}/x → /x
    .replace(/\{\{-?\s*site\.url\s*-?\}\}/g, '')
    .replace(/\{\{-?\s*site\.baseurl\s*-?\}\}/g, '')
    // {{ "/x" | relative_url }}, {{ '/x' | absolute_url }}, {{ "/x" | prepend: site.baseurl }} → /x
    .replace(/\{\{-?\s*["']([^"']*)["']\s*\|\s*(relative_url|absolute_url|prepend:\s*site\.baseurl)\s*-?\}\}/g, '$1')
    // {% include youtube.html id="abc" %} → an iframe, converted to <Video> like pasted ones.
    .replace(/\{%-?\s*include\s+([\w./-]+)\s+([^%]*?)-?%\}/g, (whole, file: string, params: string) => {
      const platform = Object.keys(videoEmbeds).find((p) => file.toLowerCase().includes(p)) ?? (/video/i.test(file) ? 'youtube' : undefined);
      const id = /\b(?:id|video_id|video|src|url)\s*=\s*["']?([\w-]+)["']?/.exec(params)?.[1];
      const title = /\btitle\s*=\s*["']([^"']+)["']/.exec(params)?.[1];
      if (platform && id) {
        report.done(`converted the Liquid include ${file} to a video`);
        return `<iframe src="${videoEmbeds[platform]!(id)}"${title ? ` title="${title}"` : ''}></iframe>`;
      }
      report.todo(`removed the Liquid include "${whole.trim()}": its content lives in the old site's _includes/${file}; copy what it showed into the booth by hand`);
      return '';
    });
  out = out.replace(/\{%-?\s*([\s\S]*?)\s*-?%\}/g, (_, tag: string) => {
    report.todo(`removed the Liquid tag {% ${tag} %}: boothkit pages have no Liquid; write its result by hand if it mattered`);
    return '';
  });
  out = out.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_, expression: string) => {
    report.todo(`removed the Liquid value {{ ${expression} }}: boothkit pages have no Liquid; write the text it stood for`);
    return '';
  });
  // kramdown attribute lists: ![x](y){: .wide} or {:target="_blank"} on a line of their own.
  out = out.replace(/\{:[^}\n]*\}/g, () => {
    report.note('removed kramdown attributes {: …} (classes and targets; the theme styles booths)');
    return '';
  });
  return out;
}
