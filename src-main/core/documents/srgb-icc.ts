// An sRGB ICC profile (version 2, matrix and tone curves), written out here instead of shipped as
// a file: the PDF/A output intent needs one, and this one is ours to give away. The primaries are
// IEC 61966-2.1's, adapted to the D50 white of the profile connection space (Bradford), and the
// tone curve is the standard's, sampled at 1024 points.

const be32 = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const be16 = (v: number): number[] => [(v >>> 8) & 255, v & 255];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const s15f16 = (v: number): number[] => be32(Math.round(v * 65536) >>> 0);
const xyz = (x: number, y: number, z: number): number[] => [...ascii('XYZ '), 0, 0, 0, 0, ...s15f16(x), ...s15f16(y), ...s15f16(z)];

const DESCRIPTION = 'sRGB IEC61966-2.1';

function desc(text: string): number[] {
  // textDescriptionType: ASCII, then empty Unicode and ScriptCode parts (67 bytes of the latter).
  return [...ascii('desc'), 0, 0, 0, 0, ...be32(text.length + 1), ...ascii(text), 0, ...be32(0), ...be32(0), ...be16(0), 0, ...new Array<number>(67).fill(0)];
}

function curve(): number[] {
  const n = 1024;
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    values.push(...be16(Math.round(lin * 65535)));
  }
  return [...ascii('curv'), 0, 0, 0, 0, ...be32(n), ...values];
}

let cached: Uint8Array | null = null;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const trc = curve();
  const tags: [string, number[]][] = [
    ['desc', desc(DESCRIPTION)],
    ['cprt', [...ascii('text'), 0, 0, 0, 0, ...ascii('No copyright, use freely'), 0]],
    ['wtpt', xyz(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyz(0.4360747, 0.2225045, 0.0139322)],
    ['gXYZ', xyz(0.3850649, 0.7168786, 0.0971045)],
    ['bXYZ', xyz(0.1430804, 0.0606169, 0.7141733)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  const pad4 = (a: number[]): number[] => (a.length % 4 ? [...a, ...new Array<number>(4 - (a.length % 4)).fill(0)] : a);
  const table: number[] = be32(tags.length);
  const data: number[] = [];
  let offset = 128 + 4 + tags.length * 12;
  const placed = new Map<number[], number>();
  for (const [sig, body] of tags) {
    // The three tone curves are one and the same table: stored once, pointed to thrice.
    let at = placed.get(body);
    if (at === undefined) {
      at = offset;
      placed.set(body, at);
      const padded = pad4(body);
      data.push(...padded);
      offset += padded.length;
    }
    table.push(...ascii(sig), ...be32(at), ...be32(body.length));
  }
  const size = 128 + table.length + data.length;
  const header = [
    ...be32(size), 0, 0, 0, 0, ...be32(0x02100000), ...ascii('mntr'), ...ascii('RGB '), ...ascii('XYZ '),
    ...be16(2026), ...be16(1), ...be16(1), 0, 0, 0, 0, 0, 0, ...ascii('acsp'),
    ...new Array<number>(24).fill(0), // platform, flags, manufacturer, model, attributes
    ...be32(0), // rendering intent: perceptual
    ...s15f16(0.9642), ...s15f16(1.0), ...s15f16(0.8249),
  ];
  const bytes = new Uint8Array(size);
  bytes.set(header, 0);
  bytes.set(table, 128);
  bytes.set(data, 128 + table.length);
  return (cached = bytes);
}

export const SRGB_NAME = DESCRIPTION;
