import type { Locale } from "@sainam/core";

/** How wide a piece of text is drawn, in the caller's unit (points in a PDF). */
export type Measure = (text: string) => number;

const wordSegmenters = new Map<Locale, Intl.Segmenter>();
const graphemeSegmenters = new Map<Locale, Intl.Segmenter>();

function segmenter(cache: Map<Locale, Intl.Segmenter>, locale: Locale, granularity: "word" | "grapheme") {
  let found = cache.get(locale);
  if (found === undefined) {
    found = new Intl.Segmenter(locale === "th" ? "th" : "en", { granularity });
    cache.set(locale, found);
  }
  return found;
}

/**
 * The text cut into words and the spaces and punctuation between them, in order, so that joining them gives the
 * text back. Thai writes no space between words: ICU's dictionary (behind `Intl.Segmenter`) finds them, and the
 * Thai segmenter splits Latin text at spaces as well, so a report mixing both breaks at either.
 */
export function wordSegments(text: string, locale: Locale): string[] {
  return Array.from(segmenter(wordSegmenters, locale, "word").segment(text), (s) => s.segment);
}

/** The offsets in `text` where a line may end: the end of every word segment. */
export function breakOpportunities(text: string, locale: Locale): Set<number> {
  const offsets = new Set<number>([0]);
  let at = 0;
  for (const segment of wordSegments(text, locale)) {
    at += segment.length;
    offsets.add(at);
  }
  return offsets;
}

/**
 * Breaks text into lines no wider than `width`, only between words, trimming the spaces a break falls on;
 * a newline always breaks. Only a single word wider than a whole line (no place to break it) is split, between
 * graphemes, so a vowel or tone mark never leaves its consonant. Widths are measured per segment, so the caller's
 * measure may cache them; a line's width is the sum of its segments' (kerning across a word boundary is ignored).
 */
export function breakLines(text: string, width: number, measure: Measure, locale: Locale): string[] {
  return text.split("\n").flatMap((paragraph) => wrapParagraph(paragraph, width, measure, locale));
}

function wrapParagraph(text: string, width: number, measure: Measure, locale: Locale): string[] {
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  const push = (): void => {
    if (line.trim() !== "") lines.push(line.trim());
    line = "";
    lineWidth = 0;
  };
  const append = (piece: string, pieceWidth: number): void => {
    line += piece;
    lineWidth += pieceWidth;
  };
  for (const segment of wordSegments(text, locale)) {
    const segmentWidth = measure(segment);
    if (lineWidth + segmentWidth <= width) {
      append(segment, segmentWidth);
      continue;
    }
    push();
    // The space a line breaks at is not drawn at either end.
    if (segment.trim() === "") continue;
    if (segmentWidth <= width) {
      append(segment, segmentWidth);
      continue;
    }
    for (const { segment: grapheme } of segmenter(graphemeSegmenters, locale, "grapheme").segment(segment)) {
      const graphemeWidth = measure(grapheme);
      if (lineWidth + graphemeWidth > width && line !== "") push();
      append(grapheme, graphemeWidth);
    }
  }
  push();
  return lines;
}
