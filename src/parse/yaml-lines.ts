// Lines of YAML text, read the way the slip finder needs them: where a line
// starts, the line above, where a `key: value` entry's value begins, and short
// quotable snippets of values. Each function looks at one line or walks up
// line by line, so any use costs time linear in the text.

export interface YamlSlip {
  code: string;
  /** Offset in the YAML text where the slip is. */
  at: number;
  message: string;
  hint: string;
}

export interface Line {
  start: number;
  /** The line without its line break (nor a `\r` before it). */
  text: string;
}

export function lineAt(source: string, offset: number): Line {
  // lastIndexOf reads a negative start as 0, and would find a line break there.
  const start = offset <= 0 ? 0 : source.lastIndexOf("\n", offset - 1) + 1;
  const end = source.indexOf("\n", start);
  const text = source.slice(start, end < 0 ? source.length : end);
  return { start, text: text.endsWith("\r") ? text.slice(0, -1) : text };
}

export function previousLine(source: string, line: Line): Line | undefined {
  return line.start === 0 ? undefined : lineAt(source, line.start - 1);
}

export const isBlank = (text: string) => /^\s*(#.*)?$/.test(text);

/** The nearest line above `line` that has content (not blank, not only a comment). */
export function previousContent(source: string, line: Line): Line | undefined {
  let above = previousLine(source, line);
  while (above && isBlank(above.text)) above = previousLine(source, above);
  return above;
}

export const indentOf = (text: string) => text.length - text.trimStart().length;

/** `  - key: value`: where the value starts (after any `- ` and `key: `), and the key. */
export function entryOf(text: string): { indent: number; valueAt: number; key?: string } {
  let i = 0;
  while (text[i] === " ") i++;
  const indent = i;
  while (text[i] === "-" && (text[i + 1] === " " || i + 1 === text.length)) {
    i++;
    while (text[i] === " ") i++;
  }
  const first = text[i];
  if (first === undefined || "'\"[{#".includes(first)) return { indent, valueAt: i };
  for (let j = i; j < text.length; j++) {
    if (text[j] === "#" && /\s/.test(text[j - 1] ?? "")) break;
    if (text[j] === ":" && (j + 1 === text.length || text[j + 1] === " " || text[j + 1] === "\t")) {
      let valueAt = j + 1;
      while (text[valueAt] === " " || text[valueAt] === "\t") valueAt++;
      return { indent, valueAt, key: text.slice(i, j).trim() };
    }
  }
  return { indent, valueAt: i };
}

/** At most 40 characters of a value, for a message. */
export function snippet(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed;
}

/** A value in quotes that YAML reads as exactly that text. */
export function quoted(value: string): string {
  const text = snippet(value);
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"') && !text.includes("\\")) return `"${text}"`;
  return `'${text.replaceAll("'", "''")}'`;
}

/** `key: 'value'` as the hint's example, or just the quoted value in a list. */
export const withKey = (key: string | undefined, value: string) => (key ? `${key}: ${value}` : value);
