/**
 * A spreadsheet as the import sees it: a grid of cells, whatever the file was (.xlsx or CSV).
 * Nothing in a cell is ever evaluated: a formula is reported, text that looks like one stays text.
 */
export type SheetCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** An .xlsx date cell, as its China calendar day `YYYY-MM-DD`. */
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'formula'; readonly formula: string }
  /** `#N/A`, `#REF!` … */
  | { readonly kind: 'error'; readonly text: string };

export interface MergedRange {
  /** 1-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  /** rows[0] is spreadsheet row 1; a row may be shorter than others. */
  readonly rows: ReadonlyArray<readonly SheetCell[]>;
  readonly merged: readonly MergedRange[];
}

export const emptyCell: SheetCell = { kind: 'empty' };

export function textCell(text: string): SheetCell {
  return text.trim() === '' ? emptyCell : { kind: 'text', text };
}

/** The characters that make a spreadsheet program read a cell as a formula (OWASP "CSV injection"). */
const formulaLead = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return formulaLead.test(text);
}

/**
 * A CSV field written for spreadsheet programs: text that would be read as a formula gets a leading
 * apostrophe, which Excel and WPS show as text and the import strips again.
 */
export function neutraliseForCsv(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** Reverses `neutraliseForCsv` on import (only an apostrophe in front of a formula-like text). */
export function unneutralise(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export function rangeLabel(range: MergedRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

/** CSV records as a grid: every field is text (or empty); a leading apostrophe before `=+-@` is dropped. */
export function gridFromCsv(records: readonly string[][]): SheetGrid {
  return { rows: records.map((record) => record.map((field) => textCell(unneutralise(field)))), merged: [] };
}
