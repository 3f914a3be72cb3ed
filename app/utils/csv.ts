// CSV for spreadsheets used in Finland: UTF-8 with a byte order mark (so Excel reads ä, ö and å
// right), semicolons (Finnish Excel's list separator, as the decimal separator is a comma), CRLF.
export const CSV_SEPARATOR = ";";
const BOM = "\uFEFF";

/** One cell: quoted when needed; a leading = + - @ is neutralised so no cell runs as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}
