// Warnings from inside the schema. zod has errors only: any issue fails the
// parse. But some values are worth accepting and still worth a word (a date
// written `26 Feb 2018`, a currency written `£`), so a schema transform notes
// what it rewrote here, and validate.ts turns the notes into located warnings.
// Parsing is synchronous, so notes made during one parse belong to it.

export interface SchemaNote {
  /** The key the note is about, like `["salary", "currency"]`. */
  path: readonly (string | number)[];
  /** Stable problem code, like `date-format`. */
  code: string;
  message: string;
  hint: string;
}

let collecting: SchemaNote[] | undefined;

/** Called by a schema transform: kept only while collectNotes runs a parse. */
export function addNote(note: SchemaNote): void {
  collecting?.push(note);
}

/** Runs a schema parse and returns what it produced, with the notes made during it. */
export function collectNotes<T>(parse: () => T): { result: T; notes: SchemaNote[] } {
  const outer = collecting;
  const notes: SchemaNote[] = [];
  collecting = notes;
  try {
    return { result: parse(), notes };
  } finally {
    collecting = outer;
  }
}
