import type MarkdownIt from "markdown-it";
import type StateCore from "markdown-it/lib/rules_core/state_core.mjs";
import type Token from "markdown-it/lib/token.mjs";

// A posting's `id` and `name` attributes share the page with the layout's
// own (`main`, `open-roles`, `role-filters`…): a body saying `id="main"`
// would take over the skip link, one saying `id="open-roles"` the filter
// script's count. So, as GitHub does, every id and name a body writes gets
// `user-content-` in front, and every in-body `#x` link to an id the body
// itself defines is rewritten to `#user-content-x`, so it keeps working.
// Links to anything else (`#main`, `#other-roles`) are left alone.
//
// An old deep link from elsewhere, `/jobs/x/#perks`, lands at the top of the
// right page: role pages carry no script that could forward it (GitHub's way).

export const USER_CONTENT = "user-content-";

export interface IdsEnv {
  /** Every id and `<a name>` the body defines, as written; filled in by the core rule. */
  bodyIds?: Set<string>;
}

export function userContentId(id: string): string {
  return id.startsWith(USER_CONTENT) ? id : `${USER_CONTENT}${id}`;
}

/** `#x` → `#user-content-x` when the body defines `x`; any other href unchanged. */
export function userContentHref(href: string, ids: ReadonlySet<string>): string {
  if (!href.startsWith("#")) return href;
  const fragment = href.slice(1);
  return ids.has(fragment) || ids.has(decoded(fragment)) ? `#${userContentId(fragment)}` : href;
}

/** The same for a raw HTML element's attributes (used by the allowlist, render-markdown.ts). */
export function userContentAttributes(attribs: Record<string, string>, ids: ReadonlySet<string>): Record<string, string> {
  const result = { ...attribs };
  if (result.id) result.id = userContentId(result.id);
  if (result.name) result.name = userContentId(result.name);
  if (result.href) result.href = userContentHref(result.href, ids);
  return result;
}

// `id="x"`, `name='x'`, `id=x` inside raw HTML; a stray match only means a
// `#x` link is prefixed that would have led nowhere anyway.
const HTML_ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** Registers the core rule: collects the body's ids, then prefixes ids, names and `#` links on Markdown's own tokens. */
export function userContentIds(md: MarkdownIt): void {
  md.core.ruler.push("user_content_ids", (state: StateCore) => {
    const ids = new Set<string>();
    const all: Token[] = [];
    for (const token of state.tokens) {
      all.push(token);
      for (const child of token.children ?? []) all.push(child);
    }
    for (const token of all) {
      for (const name of ["id", "name"]) {
        const value = token.attrGet(name);
        if (value) ids.add(value);
      }
      if (token.type === "html_block" || token.type === "html_inline") {
        for (const match of token.content.matchAll(HTML_ID)) ids.add(match[1] ?? match[2] ?? match[3] ?? "");
      }
    }
    for (const token of all) {
      for (const name of ["id", "name"]) {
        const value = token.attrGet(name);
        if (value) token.attrSet(name, userContentId(value));
      }
      const href = token.type === "link_open" ? token.attrGet("href") : null;
      if (href) token.attrSet("href", userContentHref(href, ids));
    }
    (state.env as IdsEnv).bodyIds = ids;
  });
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
