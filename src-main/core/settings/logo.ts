// The organisation logo is printed in every document and shown in the app, so it must be what it
// says it is: image bytes of the declared type, in strict base64, and an SVG with nothing in it
// that runs, loads or expands (scripts, event handlers, foreign content, links out, entities).
import { AppError } from '../errors';
import { imageSize } from '../documents/image-size';

export type Logo = { mime: string; base64: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Why this logo is not one Referent prints, in English and Danish; null when it is fine. */
export function logoProblem(logo: Logo): { en: string; da: string } | null {
  if (!BASE64.test(logo.base64)) return { en: 'its data is not base64', da: 'dens data er ikke base64' };
  const bytes = Buffer.from(logo.base64, 'base64');
  if (bytes.length === 0) return { en: 'the file is empty', da: 'filen er tom' };
  switch (logo.mime) {
    case 'image/png':
      return isPng(bytes) ? null : { en: 'the file is not a PNG image', da: 'filen er ikke et PNG-billede' };
    case 'image/jpeg':
      return isJpeg(bytes) ? null : { en: 'the file is not a JPEG image', da: 'filen er ikke et JPEG-billede' };
    case 'image/svg+xml':
      return svgProblem(bytes);
    default:
      return { en: `"${logo.mime}" is not an image type Referent prints (PNG, JPEG or SVG)`, da: `"${logo.mime}" er ikke en billedtype, Referent udskriver (PNG, JPEG eller SVG)` };
  }
}

/** Refuses a logo that is not real image data of its type, with one sentence. */
export function assertLogo(logo: Logo): void {
  const problem = logoProblem(logo);
  if (problem) throw new AppError('Invalid', `The logo cannot be used: ${problem.en}.`, `Logoet kan ikke bruges: ${problem.da}.`);
}

/** A stored logo as the documents may use it: one from before these rules, or edited in the file, is left out. */
export const usableLogo = (logo: Logo | null): Logo | null => (logo && logoProblem(logo) === null ? logo : null);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(b: Buffer): boolean {
  if (b.length < 33 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return false;
  // The first chunk is a 13-byte IHDR with a real size.
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') return false;
  const size = imageSize(b);
  return size !== null && size.width > 0 && size.height > 0 && b.includes('IEND', b.length - 12, 'latin1');
}

function isJpeg(b: Buffer): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return false;
  const size = imageSize(b);
  return size !== null && size.width > 0 && size.height > 0;
}

function svgProblem(b: Buffer): { en: string; da: string } | null {
  const notSvg = { en: 'the file is not an SVG image', da: 'filen er ikke et SVG-billede' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return notSvg;
  }
  // The root element, after an optional XML declaration and comments, must be <svg>.
  const body = text.replace(/^\uFEFF/, '').replace(/^\s*<\?xml[^>]*\?>/, '').replace(/^(\s*<!--[\s\S]*?-->)*/, '').trim();
  if (!/^<svg[\s>]/.test(body) || !/<\/svg>$|\/>$/.test(body)) return notSvg;
  const active = /<!DOCTYPE|<!ENTITY|<script|<foreignObject|<iframe|<embed|<object|\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*["']?\s*(?!#|data:image\/(?:png|jpeg);base64,)/i;
  if (active.test(body))
    return { en: 'the SVG holds scripts, event handlers, entities or links to other files', da: 'SVG-filen indeholder scripts, hændelser, entiteter eller henvisninger til andre filer' };
  return null;
}
