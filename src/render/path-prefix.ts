// `path_prefix` (a site served from /careers/) on every root-relative link.
// Eleventy's HtmlBasePlugin does this for the pages Eleventy renders; role
// pages are rendered by Openings (render-pages.ts) and get the same rule here.
// Their markup comes from our templates and the sanitizer, which always write
// attributes in double quotes, and posting text has its quotes escaped, so
// ` href="/` appears only where a link starts.

import { withPathPrefix } from "../schema/site-path.ts";

export function prefixRootRelativeLinks(html: string, pathPrefix: string): string {
  if (pathPrefix === "/") return html;
  return html.replace(/(\s(?:href|src|action)=")(\/(?!\/)[^"]*)"/g, (_, attribute: string, url: string) => `${attribute}${withPathPrefix(url, pathPrefix)}"`);
}
