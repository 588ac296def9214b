// The page both writers lay out: A4, the same margins, font and spacing in the PDF (CSS) and the
// .docx (twips), so that every line lands on the same page in Chromium, LibreOffice and Word and
// the table of contents holds in both files.
//
// Every length is a whole number of twips (1/20 pt, the .docx unit). Vertical ones are also whole
// CSS pixels (0.75 pt = 15 twips): Chromium lays out in 1/64 px, so a line height of 12.65 pt
// (16.87 px) is rounded on every line and a long page drifts by a third of a point from Word's,
// enough to move a line to the next page now and then. Whole pixels are exact in both.
// Spacing follows Word's rules (ISO 29500 §17.3.1.33), which CSS margins happen to share: between
// two paragraphs the larger of the one's space after and the other's space before, none at the top
// of a page after a natural break.

/** The font named in both files. Liberation Sans has Arial's metrics and stands in for it where Arial is not installed. */
export const FONT = { name: 'Arial', css: 'Arial, "Liberation Sans", sans-serif', mono: 'Courier New', monoCss: '"Courier New", "Liberation Mono", monospace' } as const;

export const LAYOUT = {
  /** A4 as Word writes it. */
  pageWidthTw: 11906,
  pageHeightTw: 16838,
  // 25 mm would be 94.5 px, which Chromium rounds to whole pixels (a 0.7 pt taller page than Word's).
  marginTopTw: 1425, // 71.25 pt, 95 px, 25.1 mm
  marginBottomTw: 1425,
  // 1440 each side leaves Word's default text width, 9026 twips.
  marginLeftTw: 1440,
  marginRightTw: 1440,
  /** Distance of the running header and footer from the paper's edge. */
  headerTw: 680,
  footerTw: 680,
  bodyPt: 11,
  smallPt: 9,
  titlePt: 14,
  h1Pt: 14,
  h2Pt: 11.5,
  /** Line heights, exact (Word's "Exactly"); each a whole pixel. */
  bodyLineTw: 255, // 12.75 pt, 17 px
  smallLineTw: 210, // 10.5 pt, 14 px
  h1LineTw: 330, // 16.5 pt, 22 px
  h2LineTw: 270, // 13.5 pt, 18 px
  /** Space after a paragraph, a list, a table. */
  afterTw: 120, // 6 pt
  h1AfterTw: 210, // 10.5 pt
  /** Space before a section heading (the larger of it and the space after the paragraph above). */
  h2BeforeTw: 330, // 16.5 pt
  /** Space before a heading inside a section's text. */
  h3BeforeTw: 240, // 12 pt
  tocAfterTw: 60, // 3 pt
  listIndentTw: 420, // 21 pt
  factsLabelTw: 1800, // 90 pt
  /** Cell padding of tables in the text: top and bottom, left and right. */
  cellPadVTw: 15,
  cellPadHTw: 75,
  logoHeightTw: 675, // 33.75 pt, 45 px
  /** Space above an item that runs on after the previous one (the compact decision record). */
  runOnBeforeTw: 360, // 18 pt, 24 px
  /** Height of a row to sign on in the signature sheet. */
  signatureRowTw: 690, // 34.5 pt, 46 px, 12.2 mm
} as const;

/**
 * The PDF's page is laid out this much larger and scaled back to A4 by the finish (pdf-finish.ts).
 * At 1.5 every text size of the house style is a whole number of CSS pixels (9, 11, 11.5 and
 * 14 pt are 18, 22, 23 and 28 px), and Chromium's PDF writer (Skia) writes a run of text as one
 * string only where each glyph's position is the font's advance, which holds at whole pixel sizes
 * alone: at 11 pt (14.67 px) it places every glyph on its own, four times the page content for
 * the finish to inflate and deflate. The vertical lengths, whole pixels at 1 (see above), are
 * whole or half pixels at 1.5, which Chromium's 1/64 px layout holds exactly.
 */
export const PRINT_SCALE = 1.5;

export const TEXT_WIDTH_TW = LAYOUT.pageWidthTw - LAYOUT.marginLeftTw - LAYOUT.marginRightTw;

/** Twips as CSS points. */
export const pt = (tw: number): string => `${tw / 20}pt`;
export const ptToTwip = (p: number): number => Math.round(p * 20);
