/** "1 open role", "3 open roles", "0 errors": the one place words are counted. */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
