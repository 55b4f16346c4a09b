import { entryOf, indentOf, isBlank, type Line, lineAt, previousLine, quoted, snippet, withKey, type YamlSlip } from "./yaml-lines.ts";

// A `[`, `{` or quote that opens a value and is never closed. js-yaml notices
// only later, where the next key starts ("deficient indentation"); the slip is
// on the line that opened the value.

export const UNCLOSED_REASONS = /deficient indentation|within a|missed comma|node content/;

/**
 * A `[`, `{` or quote that opens a value and is never closed: js-yaml notices
 * only where the next key starts. Found by walking back to the line that opens
 * it and forward through its continuation lines (indented deeper than it).
 * Reported where the closing mark belongs: after the last thing written.
 */
export function unclosed(source: string, errorLine: Line, offset: number, reason: string): YamlSlip | undefined {
  if (!UNCLOSED_REASONS.test(reason)) return undefined;
  // The error's own line opens the value only when the error is inside that value.
  const inOwnValue = offset > errorLine.start + entryOf(errorLine.text).valueAt;
  let minIndent = Number.POSITIVE_INFINITY;
  for (let line = inOwnValue ? errorLine : (previousLine(source, errorLine) ?? errorLine); ; ) {
    if (!isBlank(line.text)) {
      const entry = entryOf(line.text);
      if (entry.indent < minIndent) {
        minIndent = entry.indent;
        const opener = line.text[entry.valueAt];
        if (opener && "[{'\"".includes(opener)) return openedAt(source, line, entry, opener);
        if (entry.indent === 0) return undefined;
      }
    }
    const above = previousLine(source, line);
    if (!above) return undefined;
    line = above;
  }
}

function openedAt(source: string, line: Line, entry: { indent: number; valueAt: number; key?: string }, opener: string): YamlSlip | undefined {
  const start = line.start + entry.valueAt;
  let quote = opener === "'" || opener === '"' ? opener : "";
  let depth = quote ? 0 : 1;
  let previous = opener;
  let lastContent = start + 1;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i] ?? "";
    if (c === "\n") {
      const next = lineAt(source, i + 1);
      if (!isBlank(next.text) && indentOf(next.text) <= entry.indent) break;
      continue;
    }
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote && quote === "'" && source[i + 1] === "'") i++;
      else if (c === quote) {
        quote = "";
        if (depth === 0) return undefined;
      }
      if (!/\s/.test(c)) lastContent = i + 1;
      continue;
    }
    if (c === "#" && /\s/.test(source[i - 1] ?? "")) {
      const end = source.indexOf("\n", i);
      i = (end < 0 ? source.length : end) - 1;
      continue;
    }
    if (/\s/.test(c)) continue;
    if ((c === "'" || c === '"') && "[{,:".includes(previous)) quote = c;
    else if (c === "[" || c === "{") depth++;
    else if ((c === "]" || c === "}") && --depth === 0) return undefined;
    previous = c;
    lastContent = i + 1;
  }
  const value = snippet(line.text.slice(entry.valueAt));
  if (opener === "[" || opener === "{") {
    const [what, closer] = opener === "[" ? ["a list", "]"] : ["a group of keys", "}"];
    return {
      code: "yaml-unclosed",
      at: lastContent,
      message: `\`${value}\` opens ${what} with \`${opener}\` that is never closed`,
      hint: `end it with \`${closer}\`; if the \`${opener}\` is part of the text, put the whole value in quotes: \`${withKey(entry.key, quoted(value))}\``,
    };
  }
  const [other, kind] = opener === "'" ? ['"', "double"] : ["'", "single"];
  return {
    code: "yaml-unclosed",
    at: lastContent,
    message: `\`${value}\` opens a quote that is never closed`,
    hint: `end the value with \`${opener}\`; if the quote mark is part of the text, put the whole value in ${kind} quotes: \`${withKey(entry.key, `${other}${value}${other}`)}\``,
  };
}
