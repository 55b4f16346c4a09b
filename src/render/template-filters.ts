import { jobPostingJsonLd, scriptSafeJson } from "../derive/json-ld.ts";
import { type NunjucksEnvironment, renderOnce } from "./render-once.ts";

// The filters layouts/ may use, registered both with Eleventy (index, filter
// pages, feeds) and with the Nunjucks environment that renders role pages
// (render-pages.ts), so a template means the same thing wherever it renders.

export function templateFilters(environment: () => NunjucksEnvironment | undefined) {
  return {
    // JSON where `<` is `\u003c`, so no posting text can close a <script> or read as markup.
    scriptSafeJson,
    // schema.org JobPosting for an open role's page, built as the page renders.
    jobPostingJsonLd,
    // A role's card (_includes/role-card.njk), rendered once per role however many lists show it.
    roleCard: renderOnce(environment, "role-card.njk", "role"),
  };
}
