// Eleventy 3.1 compiles a Nunjucks template again for every page it renders:
// a paginated template (one page per role) and its layout are compiled as
// many times as there are roles — most of the build's time at 10,000
// postings. Compiled code depends only on the source text, the file and the
// environment, so each is compiled once and reused.

interface NunjucksTemplate {
  tmplStr?: string;
  tmplProps?: unknown;
  path?: string;
  env: object;
  _compile(): void;
  blocks: unknown;
  rootRenderFunc: unknown;
  compiled: boolean;
}

interface NunjucksLibrary {
  Template: { prototype: NunjucksTemplate };
}

const patched = new WeakSet<object>();

export function cacheNunjucksCompilation(nunjucks: NunjucksLibrary): void {
  const prototype = nunjucks.Template.prototype;
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const compile = prototype._compile;
  const compiled = new WeakMap<object, Map<string, Pick<NunjucksTemplate, "blocks" | "rootRenderFunc">>>();
  prototype._compile = function (this: NunjucksTemplate) {
    if (this.tmplStr === undefined) return compile.call(this);
    let byEnvironment = compiled.get(this.env);
    if (!byEnvironment) {
      byEnvironment = new Map();
      compiled.set(this.env, byEnvironment);
    }
    const key = `${this.path ?? ""}\u0000${this.tmplStr}`;
    const hit = byEnvironment.get(key);
    if (hit) {
      this.blocks = hit.blocks;
      this.rootRenderFunc = hit.rootRenderFunc;
      this.compiled = true;
      return;
    }
    compile.call(this);
    byEnvironment.set(key, { blocks: this.blocks, rootRenderFunc: this.rootRenderFunc });
  };
}
