/**
 * What a file is, judged by its bytes alone (never by its name or the type a client declared):
 * the few kinds the features need, recognised by their signatures. Anything else is `undefined`.
 */
export type FileKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'heic' | 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'csv';

export interface FileType {
  readonly kind: FileKind;
  readonly contentType: string;
  /** Only these may be shown in the browser; everything else is served as a download. */
  readonly inline: boolean;
}

const types: Record<FileKind, Omit<FileType, 'kind'>> = {
  png: { contentType: 'image/png', inline: true },
  jpeg: { contentType: 'image/jpeg', inline: true },
  gif: { contentType: 'image/gif', inline: true },
  webp: { contentType: 'image/webp', inline: true },
  heic: { contentType: 'image/heic', inline: false },
  pdf: { contentType: 'application/pdf', inline: false },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
  doc: { contentType: 'application/msword', inline: false },
  xls: { contentType: 'application/vnd.ms-excel', inline: false },
  csv: { contentType: 'text/csv', inline: false },
};

export const photoKinds: readonly FileKind[] = ['jpeg', 'png', 'webp', 'gif', 'heic'];

export function sniff(content: Buffer): FileType | undefined {
  const kind = kindOf(content);
  return kind ? { kind, ...types[kind] } : undefined;
}

function kindOf(bytes: Buffer): FileKind | undefined {
  const at = (offset: number, signature: string | number[]) =>
    bytes.length >= offset + signature.length && bytes.subarray(offset, offset + signature.length).equals(typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature));
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (at(0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(4, 'ftyp') && heifBrands.has(bytes.subarray(8, 12).toString('latin1'))) return 'heic';
  if (at(0, '%PDF-')) return 'pdf';
  if (at(0, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXml(bytes);
  if (at(0, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundDocument(bytes);
  return isPlainText(bytes) ? 'csv' : undefined;
}

/** ISO base media files whose major brand is HEIF/HEIC (iPhone photos). */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** A ZIP is a .docx or .xlsx when its central directory lists the package's content types and a Word or Excel part. */
function officeOpenXml(bytes: Buffer): FileKind | undefined {
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return undefined;
  if (names.some((name) => name.startsWith('word/') && name.endsWith('.xml'))) return 'docx';
  if (names.some((name) => name.startsWith('xl/') && name.endsWith('.xml'))) return 'xlsx';
  return undefined;
}

/** The entry names of a ZIP's central directory, or undefined when it cannot be read (damaged, ZIP64). */
function zipEntryNames(bytes: Buffer): string[] | undefined {
  const endSize = 22;
  const lowest = Math.max(0, bytes.length - endSize - 0xffff);
  let end = -1;
  for (let offset = bytes.length - endSize; offset >= lowest; offset--) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let entry = 0; entry < count; entry++) {
    if (offset + 46 > end || bytes.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > end) return undefined;
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** A legacy Office file (OLE compound document): Word keeps a "WordDocument" stream, Excel a "Workbook" (or "Book"). */
function compoundDocument(bytes: Buffer): FileKind | undefined {
  const stream = (name: string) => bytes.includes(Buffer.from(`${name}\0`, 'utf16le'));
  if (stream('WordDocument')) return 'doc';
  if (stream('Workbook') || stream('Book')) return 'xls';
  return undefined;
}

/**
 * Text a spreadsheet program can import as CSV (UTF-8 or GBK): no control characters but tab and line
 * breaks, and nothing a browser would take for markup (HTML, SVG, XML).
 */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return false;
  }
  const head = bytes.subarray(0, 4096).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  if (head.startsWith('<')) return false;
  return !/<\s*\/?\s*(script|html|body|head|svg|iframe|object|embed|meta|link|style|\?xml)\b/i.test(bytes.toString('latin1'));
}
