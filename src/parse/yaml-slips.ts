// js-yaml stops at the first thing it cannot read and says so in a parser's
// words ("deficient indentation"), often a line after the slip. This turns
// that into one problem in plain words, at the line where the slip is, with
// a hint that fits it: a tab, an unclosed bracket or quote, an alias that
// points nowhere, `key:value` without a space, a colon inside a value,
// indentation that does not line up. Every scan here is one pass over the
// lines around the error, so even a 300 KB line costs linear time.

import { entryOf, indentOf, type Line, lineAt, previousContent, quoted, snippet, withKey, type YamlSlip } from "./yaml-lines.ts";
import { UNCLOSED_REASONS, unclosed } from "./yaml-unclosed.ts";

export type { YamlSlip } from "./yaml-lines.ts";

const QUOTING_HINT = "a value containing `: `, ` #`, or starting with `[`, `{`, `*`, `&` or a quote must be wrapped in quotes";
const INDENT_HINT = "indent nested keys by two spaces, the same on every line; keys that belong together start in the same column";

export function describeYamlSlip(source: string, reason: string, offset: number): YamlSlip {
  const line = lineAt(source, offset);
  const slip = (code: string, at: number, message: string, hint: string): YamlSlip => ({ code, at, message, hint });

  if (/null byte|non-printable/.test(reason)) {
    const code = (source.codePointAt(offset) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return slip("yaml-control-character", offset, `this line holds an invisible control character (U+${code})`, "delete it, or retype the line");
  }
  const tab = line.text.slice(0, indentOf(line.text)).indexOf("\t");
  if (reason.includes("tab characters") || tab >= 0) {
    return slip("yaml-tab", line.start + Math.max(tab, 0), "this line is indented with a tab", "indent with spaces only: YAML does not allow tabs there");
  }
  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias) {
    const name = alias[1] ?? "";
    const entry = entryOf(line.text);
    return slip(
      "yaml-undefined-alias",
      offset - 1,
      `\`*${snippet(name)}\` refers to a value marked \`&${snippet(name)}\`, and there is none`,
      `to write text that starts with \`*\`, put it in quotes: \`${withKey(entry.key, quoted(line.text.slice(entry.valueAt)))}\``,
    );
  }
  if (reason === "duplicated mapping key") return slip("duplicate-key", offset, "a key appears twice", "keep one of the two lines");
  const depth = /^nesting exceeded maxDepth \((\d+)\)/.exec(reason);
  if (depth) {
    return slip(
      "yaml-too-deep",
      offset,
      `lists and mappings are nested too deeply here (the limit is ${depth[1]} levels)`,
      "nest values a few levels at most; put text that starts with `[` or `{` in quotes",
    );
  }
  if (reason.startsWith("aliases exceeded maxAliases")) {
    // Alias errors stand at the name after the `*`: point at the `*`.
    return slip(
      "yaml-aliases",
      offset - 1,
      "aliases (`*name`) are repeated so often that the YAML cannot be read",
      "write the values out instead of using aliases",
    );
  }
  if (/complex keys|inside keys/.test(reason)) {
    return slip("yaml-complex-key", offset, "a key must be text, not a list or a mapping", "write each key as a word followed by `: `");
  }
  if (/escape sequence|hexadecimal character/.test(reason)) {
    const sequence = source.slice(offset - 1, offset + 1);
    return slip(
      "yaml-escape",
      offset - 1,
      `\`${sequence}\` is not an escape that double quotes understand`,
      "write `\\\\` for a backslash, or use single quotes, where a backslash is an ordinary character",
    );
  }
  if (/ tag| tag handle/.test(reason)) {
    const tag = /^![^\s,[\]{}]*/.exec(source.slice(offset, offset + 100))?.[0] ?? "!";
    return slip(
      "yaml-tag",
      offset,
      `\`${snippet(tag)}\` is a YAML type tag that this value cannot have`,
      `remove \`${snippet(tag)}\`, or put the whole value in quotes if the \`!\` is part of the text`,
    );
  }
  return (
    unclosed(source, line, offset, reason) ??
    squeezedKey(source, line) ??
    valueSlip(line, offset, reason) ??
    flowSlip(reason, offset) ??
    indentationSlip(source, line, reason) ??
    slip("yaml-syntax", offset, `this is not valid YAML: ${reason}`, QUOTING_HINT)
  );
}

/** A whole document that is one line of text, when that text is `key:value` without a space. */
export function missingSpace(source: string, offset: number): YamlSlip | undefined {
  return squeezedKey(source, lineAt(source, offset));
}

/** `apply:https://…`: without a space after the colon it is text, not a key. */
function squeezedKey(source: string, errorLine: Line): YamlSlip | undefined {
  for (const line of [errorLine, previousContent(source, errorLine)]) {
    if (!line) continue;
    const match = /^(\s*(?:- )?)([A-Za-z_][\w-]*):(?![\s:/]|$)/.exec(line.text);
    if (!match || entryOf(line.text).key !== undefined) continue;
    const key = match[2] ?? "";
    const colon = (match[1] ?? "").length + key.length;
    const value = line.text.slice(colon + 1);
    return {
      code: "yaml-missing-space",
      at: line.start + colon,
      message: `\`${snippet(line.text)}\` has no space after the colon, so it is not read as a key`,
      hint: `write a space after the colon: \`${key}: ${snippet(value)}\``,
    };
  }
  return undefined;
}

/** Slips inside one value: it starts with a character YAML reserves, a quote or list ends early, or it holds `: `. */
function valueSlip(line: Line, offset: number, reason: string): YamlSlip | undefined {
  if (UNCLOSED_REASONS.test(reason)) return undefined;
  const entry = entryOf(line.text);
  const valueStart = line.start + entry.valueAt;
  if (offset < valueStart) return undefined;
  const value = line.text.slice(entry.valueAt);
  const first = value[0] ?? "";
  const suggestion = `\`${withKey(entry.key, quoted(value))}\``;
  if ((first !== "" && "@`%|>".includes(first)) || /^[-?:] /.test(value) || /^[*&!]\s/.test(value)) {
    return {
      code: "yaml-reserved-character",
      at: valueStart,
      message: `a value cannot start with ${first === "`" ? "a backtick" : `\`${first}\``} unless it is in quotes`,
      hint: `put the whole value in quotes: ${suggestion}`,
    };
  }
  if (first !== "" && "'\"[{".includes(first) && offset > valueStart) {
    const closed = value.slice(0, offset - valueStart).trimEnd();
    const rest = snippet(value.slice(closed.length));
    if (first === "'" && rest.length > 0) {
      const inner = value.slice(1, value.trimEnd().endsWith("'") ? value.trimEnd().length - 1 : undefined);
      return {
        code: "yaml-early-quote",
        at: valueStart + closed.length - 1,
        message: `the quotes close at \`${snippet(closed)}\`, before the end of the value`,
        hint: `inside single quotes write an apostrophe twice: \`${withKey(entry.key, `'${snippet(inner).replaceAll("'", "''")}'`)}\``,
      };
    }
    return {
      code: "yaml-text-after-value",
      at: valueStart + closed.length,
      message: `the value ends at \`${snippet(closed)}\`, and \`${rest}\` after it cannot be read`,
      hint: `put the whole value in quotes: ${suggestion}`,
    };
  }
  if (line.text[offset - line.start] === ":" && entry.key !== undefined) {
    return {
      code: "yaml-colon-in-value",
      at: valueStart,
      message: `\`${snippet(value)}\` contains \`: \`, so it reads as a second key on the same line`,
      hint: `put the whole value in quotes: ${suggestion}`,
    };
  }
  return undefined;
}

function flowSlip(reason: string, offset: number): YamlSlip | undefined {
  if (!/missed comma|node content|flow collection/.test(reason)) return undefined;
  return {
    code: "yaml-flow",
    at: offset,
    message: "this list in `[ ]` (or mapping in `{ }`) cannot be read from here on",
    hint: "separate the items with `, ` and put items that contain `,`, `: `, `[`, `]`, `{` or `}` in quotes",
  };
}

function indentationSlip(source: string, line: Line, reason: string): YamlSlip | undefined {
  if (!/indentation|block mapping entry|document separator/.test(reason)) return undefined;
  const text = line.text.trim();
  const at = line.start + indentOf(line.text);
  const above = previousContent(source, line);
  if (text.startsWith("- ") && above && indentOf(above.text) >= indentOf(line.text) && entryOf(above.text).key !== undefined) {
    return {
      code: "yaml-indentation",
      at,
      message: `\`${snippet(text)}\` is a list item, but no key above it takes a list`,
      hint: "put list items under the key they belong to, on the lines after it, indented by two spaces",
    };
  }
  if (above && /^\s*- /.test(above.text) && indentOf(above.text) === indentOf(line.text) && entryOf(line.text).key !== undefined) {
    return {
      code: "yaml-indentation",
      at,
      message: `\`${snippet(text)}\` is a key in the same column as the list item above it`,
      hint: "list items go under their key, indented by two spaces; the next key starts in the key's column",
    };
  }
  if (above && indentOf(line.text) > indentOf(above.text) && (entryOf(above.text).key === undefined || above.text.slice(entryOf(above.text).valueAt) !== "")) {
    const key = entryOf(above.text).key;
    return {
      code: "yaml-indentation",
      at,
      message: `\`${snippet(text)}\` is indented more than the line above it`,
      hint: key ? `start it in the same column as \`${snippet(key)}:\` above it` : INDENT_HINT,
    };
  }
  if (text === "") return undefined;
  return { code: "yaml-indentation", at, message: `\`${snippet(text)}\` is not lined up with the lines above it`, hint: INDENT_HINT };
}
