// A plain-text ad (an e-mail, a text box's contents) as Markdown: the first
// line is the title; short lines ending in ":" and lines in capitals are
// headings; lines starting with a bullet (•, -, *, ·) or a number are list
// items, and so is a run of one-line blocks; the other lines of a block are
// one paragraph.

const BULLET = /^(?:[•·▪◦‣*–-])\s*(?=\S)/;
const NUMBERED = /^(\d{1,3})[.)]\s+(?=\S)/;
/** A line of dashes, equals signs or `#`: a rule or a banner, never content. */
const RULE = /^[^\p{L}\p{N}]*$/u;

export function textToMarkdown(text: string, { firstLineIsTitle = true } = {}): { title: string; body: string } {
  const lines = text.split("\n").map((line) => line.trim());
  const first = firstLineIsTitle ? lines.findIndex((line) => !RULE.test(line)) : -1;
  const title = first < 0 ? "" : (lines[first] ?? "");
  const blocks = lines
    .slice(first + 1)
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) => block.split("\n").filter((line) => !RULE.test(line)))
    .filter((block) => block.length > 0);
  const out: string[] = [];
  let list: { text: string; marked: boolean }[] = [];
  let listOrdered = false;
  let listMarked = false;
  const flushList = () => {
    // A "list" of one line that was not marked as an item is just a paragraph.
    if (list.length === 1 && !list[0]?.marked) out.push(list[0]?.text ?? "");
    else if (list.length > 0) out.push(list.map((item, i) => `${listOrdered ? `${i + 1}.` : "-"} ${item.text}`).join("\n"));
    list = [];
    listOrdered = false;
    listMarked = false;
  };
  const addItem = (text: string, ordered: boolean, marked: boolean) => {
    // A line after a bulleted list, alone in its block, is a paragraph after the list, not one more item.
    const afterBullets = !marked && listMarked;
    if (list.length > 0 && (ordered !== listOrdered || afterBullets)) flushList();
    listOrdered = ordered;
    list.push({ text, marked });
    listMarked ||= marked;
  };
  for (const block of blocks) {
    let paragraph: string[] = [];
    const flushParagraph = () => {
      if (paragraph.length > 0) out.push(paragraph.join("\n"));
      paragraph = [];
    };
    for (const line of block) {
      const heading = headingText(line);
      const bullet = BULLET.exec(line);
      const numbered = NUMBERED.exec(line);
      if (heading) {
        flushParagraph();
        flushList();
        out.push(`## ${heading}`);
      } else if (bullet || numbered) {
        flushParagraph();
        addItem(line.slice((bullet ?? numbered)?.[0].length ?? 0), !bullet, true);
      } else if (block.length === 1 && line.length <= 100) {
        addItem(line, false, false);
      } else {
        flushList();
        paragraph.push(line);
      }
    }
    flushParagraph();
  }
  flushList();
  return { title, body: out.join("\n\n") };
}

function headingText(line: string): string | undefined {
  if (line.length > 70 || line.length < 3) return undefined;
  if (line.endsWith(":") && !BULLET.test(line)) return line.slice(0, -1).trim();
  if (/^[\p{Lu}\d '’&,/-]+$/u.test(line) && /\p{Lu}{3}/u.test(line) && line.replace(/[^\p{L}]/gu, "").length >= 5)
    return line.charAt(0) + line.slice(1).toLowerCase();
  return undefined;
}
