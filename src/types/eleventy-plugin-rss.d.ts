// @11ty/eleventy-plugin-rss 3 ships JavaScript without type declarations; this
// covers only the part Openings calls.

declare module "@11ty/eleventy-plugin-rss" {
  export function rssPlugin(eleventyConfig: unknown, options?: Record<string, unknown>): void;
}
