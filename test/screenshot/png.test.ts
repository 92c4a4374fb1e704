import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng } from './png.js';

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  // The decoder does not check CRCs; zeros keep this encoder short.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** A PNG whose row y uses filter y % 5, so every filter type is exercised. */
function encode(width: number, height: number, channels: 3 | 4, value: (x: number, y: number, c: number) => number): Buffer {
  const stride = width * channels;
  const raw = (x: number, y: number) => (y < 0 || x < 0 ? 0 : value(Math.floor(x / channels), y, x % channels));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const filter = y % 5;
    const row = Buffer.alloc(stride + 1);
    row[0] = filter;
    for (let i = 0; i < stride; i++) {
      const [left, up, upLeft] = [raw(i - channels, y), raw(i, y - 1), raw(i - channels, y - 1)];
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter]!;
      row[i + 1] = (raw(i, y) - predicted) & 0xff;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PNG decoder', () => {
  const value = (x: number, y: number, c: number) => (x * 37 + y * 91 + c * 53 + ((x * y) % 7) * 29) & 0xff;

  it.each([3, 4] as const)('decodes every filter type, %i channels', (channels) => {
    const image = decodePng(encode(13, 11, channels, value));
    expect([image.width, image.height]).toEqual([13, 11]);
    for (let y = 0; y < 11; y++)
      for (let x = 0; x < 13; x++) expect(image.pixel(x, y)).toEqual([value(x, y, 0), value(x, y, 1), value(x, y, 2)]);
  });

  it('refuses what it cannot decode', () => {
    expect(() => decodePng(Buffer.from('GIF89a'))).toThrow('not a PNG');
    const png = encode(2, 2, 3, value);
    png[8 + 8 + 8] = 16; // bit depth in IHDR
    expect(() => decodePng(png)).toThrow('unsupported PNG: bit depth 16');
  });
});
