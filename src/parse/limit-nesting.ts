import { Tokenizer } from "htmlparser2";

// Raw HTML nested deeper than a browser would build it. The allowlist's
// parser (htmlparser2, inside sanitize-html) keeps its open elements in an
// array it grows at the front, so each tag costs as much as the depth:
// 100,000 nested <div>s took minutes, and the recursive HTML walkers after
// it (feeds, search) could overflow the stack. Chromium's parser stops
// nesting at 512 levels; so do we, before the allowlist runs: tags that
// would open deeper are cut out (their text stays) and reported.
//
// The cut uses the same tokenizer as the allowlist and mirrors its parser's
// rules for which tags open, close, and close others implicitly (`<li>`
// closes an open `<li>`), so what it counts is what the allowlist's parser
// would hold, and a well-formed body no deeper than the limit is untouched.

export const MAX_DEPTH = 512;

// From htmlparser2's Parser.ts (the version sanitize-html uses): which open
// tags close which others, void elements, and foreign (SVG, MathML) content.
const P = ["p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>(
  Object.entries({
    tr: ["tr", "th", "td"],
    th: ["th"],
    td: ["thead", "th", "td"],
    body: ["head", "link", "script"],
    li: ["li"],
    select: FORM,
    input: FORM,
    output: FORM,
    button: FORM,
    datalist: FORM,
    textarea: FORM,
    option: ["option"],
    optgroup: ["optgroup", "option"],
    dd: ["dd", "dt"],
    dt: ["dd", "dt"],
    rt: ["rt", "rp"],
    rp: ["rt", "rp"],
    tbody: ["thead", "tbody"],
    tfoot: ["thead", "tbody"],
    ...Object.fromEntries(
      "p h1 h2 h3 h4 h5 h6 address article aside blockquote details div dl fieldset figcaption figure footer form header hr main nav ol pre section table ul"
        .split(" ")
        .map((tag) => [tag, P]),
    ),
  }).map(([tag, closes]) => [tag, new Set(closes)]),
);
const VOID = new Set("area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split(" "));
const FOREIGN = new Set(["math", "svg"]);
const INTEGRATION = new Set(["mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"]);
// Their content is text to the tokenizer: never cut them, or it would become tags.
const RAW_TEXT = new Set(["script", "style", "title", "textarea", "xmp"]);

/** `html` with elements nested deeper than `limit` cut out (their tags, not their text), and how many were cut. */
export function limitNesting(html: string, limit = MAX_DEPTH): { html: string; cut: number } {
  // Cheap test first: fewer tags than the limit cannot nest deeper than it.
  let tags = 0;
  for (let at = html.indexOf("<"); at !== -1 && tags <= limit; at = html.indexOf("<", at + 1)) tags++;
  if (tags <= limit) return { html, cut: 0 };

  const open: string[] = []; // The parser's open elements, innermost last.
  const foreign: boolean[] = [false];
  const cuts: [number, number][] = [];
  let cutElements = 0;
  let dropped = 0; // Opened past the limit and not yet closed.
  let pending: { name: string; start: number } | undefined;

  const closeImplied = (name: string) => {
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    while (closes && open.length > 0 && closes.has(open[open.length - 1] ?? "")) open.pop();
  };
  const endOpenTag = (end: number, selfClosing: boolean) => {
    if (!pending) return;
    const { name, start } = pending;
    pending = undefined;
    const context = FOREIGN.has(name) ? true : INTEGRATION.has(name) ? false : undefined;
    const closesAtOnce = VOID.has(name) || (selfClosing && (context ?? foreign[foreign.length - 1]));
    const deeper = !closesAtOnce || context !== undefined;
    if (deeper && !RAW_TEXT.has(name) && (open.length >= limit || foreign.length >= limit)) {
      cuts.push([start, end + 1]);
      cutElements++;
      if (!closesAtOnce) dropped++;
      return;
    }
    closeImplied(name);
    if (!VOID.has(name)) open.push(name);
    if (context !== undefined) foreign.push(context);
    if (closesAtOnce && !VOID.has(name) && open[open.length - 1] === name) open.pop();
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        pending = { name: html.slice(start, end).toLowerCase(), start: start - 1 };
      },
      onopentagend: (end) => endOpenTag(end, false),
      onselfclosingtag: (end) => endOpenTag(end, true),
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        const rawText = RAW_TEXT.has(name) && open[open.length - 1] === name;
        if (dropped > 0 && !VOID.has(name) && !rawText) {
          // Closes the innermost element that was cut, as in a well-formed body.
          const gt = html.indexOf(">", end);
          cuts.push([html.lastIndexOf("<", start), gt === -1 ? html.length : gt + 1]);
          dropped--;
          return;
        }
        if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
        if (VOID.has(name)) return;
        const at = open.lastIndexOf(name);
        if (at !== -1) open.length = at;
        else if (name === "p") closeImplied("p");
      },
      onattribdata() {},
      onattribentity() {},
      onattribend() {},
      onattribname() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onend() {},
      onprocessinginstruction() {},
      ontext() {},
      ontextentity() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (cuts.length === 0) return { html, cut: 0 };
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return { html: parts.join(""), cut: cutElements };
}
