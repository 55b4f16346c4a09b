// "Did you mean …?": the one rule for which known name a misspelt one was
// meant to be, for keys, message names and posting names alike.

/**
 * The candidate closest to `name` by edit distance, compared in `form`
 * (`closeDate` and `close_date` alike, say), when at most a quarter of its
 * letters (and at least two) differ.
 */
export function closestName(name: string, candidates: Iterable<string>, form: (text: string) => string = (text) => text): string | undefined {
  const written = form(name);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of candidates) {
    const other = form(candidate);
    // The distance is at least the difference in length: a name much longer
    // than every candidate is never compared letter by letter, so a 100 KB key
    // costs no more than a short one.
    if (Math.abs(written.length - other.length) >= bestDistance) continue;
    const distance = editDistance(written, other);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
