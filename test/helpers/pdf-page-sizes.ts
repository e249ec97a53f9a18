/** Page sizes read back from a PDF, to tell A4 from Letter without a PDF library. */

/** In points (1/72 in): A4 is 210 x 297 mm (ISO 216), Letter 8.5 x 11 in. */
export const A4_POINTS = { width: 595.3, height: 841.9 } as const;
export const LETTER_POINTS = { width: 612, height: 792 } as const;
/** Chromium rounds page sizes to whole CSS pixels: its A4 is 595.92 x 842.88 points. */
const POINT_TOLERANCE = 2;

/** Every page's /MediaBox [x0 y0 x1 y1] (ISO 32000-1 section 7.7.3.3) as width and height in points. */
export function pdfPageSizes(pdf: Uint8Array): { width: number; height: number }[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** True when the PDF has pages and every one of them is `paper`-sized. */
export function allPagesAre(pdf: Uint8Array, paper: { width: number; height: number }): boolean {
  const pages = pdfPageSizes(pdf);
  return (
    pages.length > 0 &&
    pages.every(
      (page) =>
        Math.abs(page.width - paper.width) < POINT_TOLERANCE &&
        Math.abs(page.height - paper.height) < POINT_TOLERANCE,
    )
  );
}
