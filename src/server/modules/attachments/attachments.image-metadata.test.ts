import { describe, expect, it } from 'vitest';
import { stripImageMetadata } from './attachments.image-metadata';

const secret = '花园村幸福路12号 13912345678';
const has = (buf: Buffer | null, s: string) => Boolean(buf && buf.includes(Buffer.from(s)));

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}
function webpChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(type, 'latin1'), len, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

describe('public photos leave without their metadata', () => {
  it('JPEG: drops EXIF/XMP (APP1…APP15) and comments, keeps JFIF and the scan', () => {
    const seg = (m: number, b: Buffer) => Buffer.concat([Buffer.from([0xff, m, (b.length + 2) >> 8, (b.length + 2) & 255]), b]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), seg(0xe0, Buffer.from('JFIF\0')), seg(0xe1, Buffer.from(`Exif\0\0${secret}`)), seg(0xed, Buffer.from(secret)), seg(0xfe, Buffer.from(secret)), seg(0xdb, Buffer.alloc(8)), Buffer.from([0xff, 0xda, 0, 2]), Buffer.from('pixels'), Buffer.from([0xff, 0xd9])]);
    const out = stripImageMetadata(jpeg, 'image/jpeg');
    expect(has(out, 'JFIF')).toBe(true);
    expect(has(out, 'pixels')).toBe(true);
    expect(has(out, '花园村')).toBe(false);
    expect(has(out, '13912345678')).toBe(false);
    expect(stripImageMetadata(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), 'image/jpeg')).toBeNull();
  });
  it('PNG: drops text, EXIF and time chunks', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', Buffer.alloc(13)), pngChunk('tEXt', Buffer.from(`Comment\0${secret}`)), pngChunk('eXIf', Buffer.from(secret)), pngChunk('iTXt', Buffer.from(secret)), pngChunk('IDAT', Buffer.from('pixels')), pngChunk('IEND', Buffer.alloc(0))]);
    const out = stripImageMetadata(png, 'image/png');
    expect(has(out, 'pixels')).toBe(true);
    expect(has(out, 'IEND')).toBe(true);
    expect(has(out, '花园村')).toBe(false);
  });
  it('WebP: drops EXIF and XMP chunks, clears their flags and fixes the RIFF size', () => {
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c;
    const body = Buffer.concat([Buffer.from('WEBP'), webpChunk('VP8X', vp8x), webpChunk('VP8 ', Buffer.from('pixels')), webpChunk('EXIF', Buffer.from(secret)), webpChunk('XMP ', Buffer.from(secret))]);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(body.length);
    const out = stripImageMetadata(Buffer.concat([Buffer.from('RIFF'), size, body]), 'image/webp') as Buffer;
    expect(has(out, 'pixels')).toBe(true);
    expect(has(out, '花园村')).toBe(false);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20] & 0x0c).toBe(0);
  });
});
