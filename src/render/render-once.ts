// A role's card appears on the index, on each of its filter pages and on
// closed roles' pages: five or six times per role, tens of thousands of
// cards on a large site. The card is rendered from its template once per
// role and that markup reused.

export interface NunjucksEnvironment {
  render(name: string, context: object): string;
}

/** A filter rendering `template` with `{ [name]: value, ...options }`, once per value and options. */
export function renderOnce(environment: () => NunjucksEnvironment | undefined, template: string, name: string) {
  const rendered = new WeakMap<object, Map<string, string>>();
  return (value: object, options: Record<string, unknown> = {}): string => {
    const key = JSON.stringify(options);
    let byOptions = rendered.get(value);
    if (!byOptions) {
      byOptions = new Map();
      rendered.set(value, byOptions);
    }
    let markup = byOptions.get(key);
    if (markup === undefined) {
      const env = environment();
      if (!env) throw new Error("the Nunjucks environment is not ready");
      markup = env.render(template, { [name]: value, ...options });
      byOptions.set(key, markup);
    }
    return markup;
  };
}
