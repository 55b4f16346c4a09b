// Syntax a posting meant as something else, left in its text: Liquid from
// Jekyll (`{{ page.x }}`, `{% include %}`) and link syntax Markdown did not
// turn into a link (`[jobs] [missing]`, `[a] (b)`). Each was a short regex,
//   /\{\{.*?\}\}|\{%.*?%\}/   and   /\[[^\]\n]+\]\s?[[(][^\])\n]*[\])]/g,
// retried from every `{` or `[`: a line of a million `{{` or `[` took hours.
// These find exactly what those regexes find (tests/leftover-syntax.test.ts
// compares them), reading each character a bounded number of times.

/** Characters the regex `.` does not match, besides `\n`. */
const LINE_BREAK = /[\r\u2028\u2029]/;

/** The first `{{ … }}` or `{% … %}` in `line`, with its offset. */
export function findLiquid(line: string): { index: number; text: string } | undefined {
  let offset = 0;
  for (const part of line.split(LINE_BREAK)) {
    const found = liquidIn(part);
    if (found) return { index: offset + found.index, text: found.text };
    offset += part.length + 1;
  }
  return undefined;
}

function liquidIn(text: string): { index: number; text: string } | undefined {
  // An opener matches when its closer comes anywhere after it: the first one
  // with a closer further on wins, and ends at the nearest closer.
  const lastBraces = text.lastIndexOf("}}");
  const lastPercent = text.lastIndexOf("%}");
  for (let at = text.indexOf("{"); at !== -1; at = text.indexOf("{", at + 1)) {
    const next = text[at + 1];
    const closer = next === "{" && lastBraces >= at + 2 ? "}}" : next === "%" && lastPercent >= at + 2 ? "%}" : undefined;
    if (closer) return { index: at, text: text.slice(at, text.indexOf(closer, at + 2) + 2) };
  }
  return undefined;
}

const TAIL = /[^\])\n]*[\])]/y;

/** Every `[text] [ref]`, `[text][ref` … `]`, `[text] (x)` left as text, in order, as the regex's matchAll finds them. */
export function leftoverLinks(text: string): { index: number; text: string }[] {
  const found: { index: number; text: string }[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf("[", from);
    if (open === -1) break;
    const close = text.indexOf("]", open + 1);
    if (close === -1) break;
    // The label cannot cross a line: start after the last line break before `]`.
    let lastBreak = -1;
    for (let newline = text.indexOf("\n", open + 1); newline !== -1 && newline < close; newline = text.indexOf("\n", newline + 1)) lastBreak = newline;
    const start = lastBreak === -1 ? open : text.indexOf("[", lastBreak);
    // Every `[` between `start` and `]` shares this `]` and what follows it: try the first only.
    from = close + 1;
    if (start === -1 || start + 1 >= close) continue;
    let after = close + 1;
    if (/\s/.test(text[after] ?? "")) after++;
    if (text[after] !== "[" && text[after] !== "(") continue;
    TAIL.lastIndex = after + 1;
    if (!TAIL.test(text)) continue;
    found.push({ index: start, text: text.slice(start, TAIL.lastIndex) });
    from = TAIL.lastIndex;
  }
  return found;
}

/** `text` as a message quotes it: whole when short, else its start and `…`. */
export function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
