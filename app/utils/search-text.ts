// Text matching shared by the browser and the server: the directory's instant filter, the site
// search's query words and its highlighted snippets all fold text the same way, so a filter run in
// the browser and the same filter run on the server agree.

/** Longer input is cut: nobody types more, and a pasted page must not cost more than a query. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 8;

/** Lower case without diacritics: "Päätös" → "paatos" (as the FTS5 index folds with remove_diacritics). */
export function fold(text: string): string {
  // ASCII, most text: lower case is all there is to do, without Unicode normalisation.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

const ASCII = /^[^\u0080-\uffff]*$/;

/**
 * The words of a query, folded and de-duplicated. Everything that is not a letter or a digit
 * (quotes, `*`, brackets, `--`, operators) only separates words, so user input can never become
 * query syntax: it is always searched for as text.
 */
export function queryWords(query: string): string[] {
  const words = fold(query.slice(0, MAX_QUERY_LENGTH))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** True when every word occurs somewhere in the (already folded) haystack. */
export function containsAllWords(foldedHaystack: string, words: readonly string[]): boolean {
  return words.every((w) => foldedHaystack.includes(w));
}

/** True when any word occurs in the (already folded) haystack. */
export function containsAnyWord(foldedHaystack: string, words: readonly string[]): boolean {
  return words.some((w) => foldedHaystack.includes(w));
}

/** A piece of text to render, marked when it matched. Rendered as text, never as HTML. */
export interface Segment {
  text: string;
  match: boolean;
}

const foldedChars = new Map<string, string>();

/** `fold` of one character, remembered: texts repeat the same few accented letters. */
function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = fold(char);
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * The folded text and, for each folded character, where its source character starts and ends;
 * no map (null) when every character folds to one of the same length ("Ä" → "a"), as in nearly
 * every text, so positions do not move. Snippets fold every hit's texts: this keeps it cheap.
 */
function foldWithMap(text: string): { folded: string; start: number[] | null; end: number[] | null } {
  if (ASCII.test(text)) return { folded: text.toLowerCase(), start: null, end: null };
  let moved = false;
  const folded = text.replace(/[\u0080-\u{10ffff}]/gu, (char) => {
    const f = foldChar(char);
    if (f.length !== char.length) moved = true;
    return f;
  });
  if (!moved) return { folded: folded.toLowerCase(), start: null, end: null };
  let mapped = "";
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    const f = foldChar(char);
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + char.length);
    }
    mapped += f;
    i += char.length;
  }
  return { folded: mapped, start, end };
}

/** Ranges [from, to) of `text` where any of the words occur, merged and sorted. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  if (words.length === 0 || text === "") return [];
  const { folded, start, end } = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      ranges.push(start && end ? [start[at], end[at + word.length - 1]] : [at, at + word.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function segmentsOf(text: string, ranges: [number, number][], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    if (s > at) segments.push({ text: text.slice(at, s), match: false });
    segments.push({ text: text.slice(s, e), match: true });
    at = e;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return segments;
}

/** The whole text with every match marked. */
export function highlight(text: string, words: readonly string[]): Segment[] {
  return segmentsOf(text, matchRanges(text, words), 0, text.length);
}

/**
 * A short extract around the first match, cut at word boundaries, with "…" where text was left
 * out; the first `maxLength` characters when nothing matches. Whitespace is collapsed.
 */
export function snippet(
  raw: string,
  words: readonly string[],
  maxLength = 180,
): { segments: Segment[]; matched: boolean } {
  // Only the start of a very long text is looked at: a snippet is for skimming.
  const text = raw.slice(0, 4_000).replace(/\s+/g, " ").trim();
  const ranges = matchRanges(text, words);
  const first = ranges[0];
  let from = 0;
  if (first && first[1] > maxLength - 20) {
    from = Math.max(0, first[0] - 50);
    const space = text.lastIndexOf(" ", from);
    from = space > 0 && from - space < 20 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + maxLength);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > from + maxLength / 2) to = space;
  }
  const segments = segmentsOf(text, ranges, from, to);
  if (from > 0) segments.unshift({ text: "… ", match: false });
  if (to < text.length) segments.push({ text: " …", match: false });
  return { segments, matched: ranges.some(([a, b]) => a < to && b > from) };
}
