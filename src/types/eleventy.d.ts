// Eleventy 3 ships JavaScript without type declarations; these cover only the
// parts Openings calls, so a typo in them still fails the type check.

declare module "@11ty/eleventy" {
  export class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        /** `false`: no config file; `config` configures everything. */
        configPath?: string | false;
        config?: (eleventyConfig: import("@11ty/eleventy/UserConfig").default) => void | Promise<void>;
        pathPrefix?: string;
        quietMode?: boolean;
        runMode?: "build" | "watch" | "serve";
      },
    );
    write(): Promise<unknown>;
    /** Where Eleventy prints; `overrideLogger` redirects (or, with `false`, silences) it. */
    logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error"> | false): void };
  }
  export function HtmlBasePlugin(eleventyConfig: unknown): void;
}

declare module "@11ty/eleventy/UserConfig" {
  export default interface UserConfig {
    addGlobalData(name: string, data: unknown): void;
    addWatchTarget(path: string): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addAsyncFilter(name: string, filter: (...args: never[]) => Promise<unknown>): void;
    /** A filter that Eleventy or a plugin added, by name. */
    getFilter(name: string): (this: unknown, ...args: unknown[]) => Promise<string>;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    setTemplateFormats(formats: string[]): void;
    on(event: string, listener: (...args: never[]) => unknown): void;
  }
}
