import { createHash } from "node:crypto";

// How a re-import knows whether a person edited a posting it wrote: the
// `ats_id` line carries a check of the whole file as written
// (`(import check 3f9a1c2be07d)`). A file that still matches its check is
// exactly what the import wrote, and may be replaced; any edit (or removing
// the check) makes it the person's, and the import leaves it alone.

const PLACEHOLDER = "000000000000";
const CHECK = /\(import check ([0-9a-f]{12})\)/;

/** The words to put in the `ats_id` line's comment, before the file is signed. */
export const CHECK_SLOT = `(import check ${PLACEHOLDER})`;

const digest = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, PLACEHOLDER.length);

/** `text` with its check filled in. */
export function signed(text: string): string {
  return text.replace(CHECK_SLOT, `(import check ${digest(text)})`);
}

/** Whether `text` is, byte for byte, a file the import signed. */
export function unedited(text: string): boolean {
  const check = CHECK.exec(text);
  return check !== null && digest(text.replace(check[0], CHECK_SLOT)) === check[1];
}
