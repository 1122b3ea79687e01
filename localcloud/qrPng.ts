import zlib from 'node:zlib';
import QRCode from 'qrcode';

/**
 * A QR code of `text` as a greyscale PNG exactly `width` pixels wide, with a quiet zone of `margin`
 * modules. Encoded here (deflate + CRC from node:zlib) rather than by qrcode's pngjs renderer, which
 * is ten times slower under jest's module sandbox (2.5 s against 0.2 s a code) and made tests slow and
 * time-sensitive on a loaded machine.
 */
export function qrPng(text: string, width: number, margin = 2): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const total = modules.size + 2 * margin;
  const dark = (pixel: number) => {
    const index = Math.floor((pixel * total) / width) - margin;
    return index >= 0 && index < modules.size ? index : -1;
  };
  const columns = Array.from({ length: width }, (_, x) => dark(x));
  const raw = Buffer.alloc((width + 1) * width, 0xff);
  for (let y = 0; y < width; y += 1) {
    const row = y * (width + 1);
    raw[row] = 0; // filter: none
    const moduleRow = dark(y);
    if (moduleRow < 0) continue;
    for (let x = 0; x < width; x += 1) {
      const moduleColumn = columns[x]!;
      if (moduleColumn >= 0 && modules.get(moduleRow, moduleColumn)) raw[row + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0, 0);
  return Buffer.concat([length, body, crc]);
}
