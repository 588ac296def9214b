// The page both writers lay out: A4, the same margins, font and spacing in the PDF (CSS) and the
// .docx (twips), so that a heading lands on the same page in both and the TOC numbers hold.
export const LAYOUT = {
  font: 'Liberation Sans',
  marginTopMm: 25,
  marginBottomMm: 25,
  // 25.4 mm (1 inch) each side leaves Word's default text width, 9026 twips, where the TOC's
  // right tab stop (docx's default for cached entries) sits.
  marginLeftMm: 25.4,
  marginRightMm: 25.4,
  /** Distance of the running header and footer from the paper's edge (.docx). */
  headerMm: 12,
  footerMm: 12,
  bodyPt: 11,
  smallPt: 9,
  titlePt: 14,
  h1Pt: 14,
  h2Pt: 11.5,
  /** Line height as a multiple of the font size; Word's "multiple" spacing uses the same factor. */
  lineHeight: 1.15,
  afterPt: 6,
  h1AfterPt: 10,
  h2BeforePt: 10,
  tocAfterPt: 3,
  listIndentMm: 7,
  /** Space above an item that runs on after the previous one (the compact decision record). */
  runOnBeforePt: 18,
  /** Height of a row to sign on in the signature sheet. */
  signatureRowMm: 12,
  logoHeightMm: 12,
} as const;

export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const ptToTwip = (pt: number): number => Math.round(pt * 20);
