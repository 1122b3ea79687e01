/**
 * Uploaded files must never run on the app's origin. Attack: a unit worker uploads an HTML page
 * declared as "plan.pdf" (or a file that functions stored under an .html name) and a district office
 * opens its link. Uploads are judged by content, per feature; files are served by their content with
 * `attachment` (unless a safe image), nosniff and a sandboxing CSP.
 */
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { startHttpServer } from '../../localcloud/http/server';
import { sniff } from '../../localcloud/http/sniff';
import { wxServerSdk } from '../../localcloud/sdk';
import type { Local, RawResponse } from './httpHarness';
import { expectRefusal, raw, signIn, startLocal } from './httpHarness';

/** A minimal ZIP (stored, no compression) with these entries: the shape of .docx and .xlsx files. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An OLE compound file (legacy .doc / .xls) as far as a sniffer looks: the signature and a directory entry name. */
function compound(stream: string): Buffer {
  const file = Buffer.alloc(2048);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file, 0);
  file.writeUInt16LE(0x003e, 0x18);
  file.writeUInt16LE(0x0003, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  Buffer.from(`${stream}\0`, 'utf16le').copy(file, 1024);
  return file;
}

const contentTypes = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
export const samples = {
  png: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(14)]),
  heic: Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic')]),
  pdf: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
  docx: zip({ '[Content_Types].xml': contentTypes, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }),
  xlsx: zip({ '[Content_Types].xml': contentTypes, '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': '<workbook/>' }),
  doc: compound('WordDocument'),
  xls: compound('Workbook'),
  csv: Buffer.from('\ufeff年度,单位名称,组织名称\r\n2026,区发展和改革局,深圳华星光电科技有限公司\r\n'),
  gbkCsv: Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x2c, 0xb5, 0xa5, 0xce, 0xbb, 0x0d, 0x0a]),
  html: Buffer.from('<!doctype html><html><body><script>fetch("/api/call",{method:"POST"})</script></body></html>'),
  svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  zipWithHtml: zip({ 'index.html': '<script>alert(1)</script>' }),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]),
};

let local: Local;
let cookie: string;
beforeAll(async () => {
  local = await startLocal();
  cookie = await signIn(local.port, 'demo-liming');
});
afterAll(() => local.close());

const upload = (cloudPath: string, content: Buffer, type: string) =>
  raw(local.port, { method: 'POST', path: '/api/upload', headers: { cookie, 'content-type': type, 'x-cloud-path': cloudPath }, body: content });

async function linkOf(fileID: string): Promise<string> {
  const { fileList } = (await wxServerSdk().getTempFileURL({ fileList: [fileID] })) as { fileList: Array<{ tempFileURL: string }> };
  const url = new URL(fileList[0]!.tempFileURL);
  return url.pathname + url.search;
}

async function fetchStored(cloudPath: string, content: Buffer): Promise<RawResponse> {
  const { fileID } = (await wxServerSdk().uploadFile({ cloudPath, fileContent: content })) as { fileID: string };
  return raw(local.port, { path: await linkOf(fileID) });
}

describe('the content sniffer', () => {
  it('knows a workbook as ExcelJS writes it (the exports) and its CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('结对').addRow(['年度', '单位名称']);
    expect(sniff(Buffer.from(await workbook.xlsx.writeBuffer()))?.kind).toBe('xlsx');
    expect(sniff(Buffer.from(await workbook.csv.writeBuffer()))?.kind).toBe('csv');
  });

  it('knows nothing it was not built for, nor a damaged ZIP', () => {
    for (const content of [samples.html, samples.svg, samples.exe, samples.zipWithHtml, samples.docx.subarray(0, 40), Buffer.alloc(0), Buffer.from('a,b\x00c')]) {
      expect(sniff(content)).toBeUndefined();
    }
  });
});

describe('uploads are judged by their content, per feature', () => {
  it('refuses an HTML page declared as a PDF work plan', async () => {
    const error = expectRefusal(await upload('plans/2026/unit-1/plan.pdf', samples.html, 'application/pdf'), 415);
    expect(error.code).toBe('INVALID_INPUT');
  });

  it.each([
    ['an SVG with script as a photo', 'checkins/p1/a.png', samples.svg, 'image/png'],
    ['a PDF as a check-in photo', 'checkins/p1/a.jpg', samples.pdf, 'image/jpeg'],
    ['a Word file as record evidence', 'records/p1/k1/a.jpg', samples.docx, 'image/jpeg'],
    ['an HTML page as a CSV import', 'imports/table.csv', samples.html, 'text/csv'],
    ['a ZIP holding a web page as a spreadsheet', 'imports/table.xlsx', samples.zipWithHtml, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a program as a Word plan', 'plans/2026/unit-1/plan.doc', samples.exe, 'application/msword'],
    ['a PDF as an import', 'imports/table.xlsx', samples.pdf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('refuses %s', async (_name, cloudPath, content, type) => {
    expectRefusal(await upload(cloudPath, content, type), 415);
  });

  it.each([
    ['a PNG photo declared as JPEG', 'checkins/p1/a.jpg', samples.png, 'image/jpeg'],
    ['a JPEG record photo', 'records/p1/k1/a.jpg', samples.jpeg, 'image/jpeg'],
    ['a WebP photo', 'records/p1/k1/a.webp', samples.webp, 'image/webp'],
    ['a GIF photo', 'records/p1/k1/a.gif', samples.gif, 'image/gif'],
    ['an iPhone HEIC photo', 'checkins/p1/a.heic', samples.heic, 'image/heic'],
    ['a PDF plan', 'plans/2026/unit-1/a.pdf', samples.pdf, 'application/pdf'],
    ['a .docx plan', 'plans/2026/unit-1/a.docx', samples.docx, 'application/octet-stream'],
    ['a .doc plan', 'plans/2026/unit-1/a.doc', samples.doc, 'application/msword'],
    ['an .xlsx plan', 'plans/2026/unit-1/a.xlsx', samples.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['an .xls plan', 'plans/2026/unit-1/a.xls', samples.xls, 'application/vnd.ms-excel'],
    ['a photo of a plan', 'plans/2026/unit-1/a.jpg', samples.jpeg, 'image/jpeg'],
    ['an .xlsx import', 'imports/a.xlsx', samples.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['a UTF-8 CSV import', 'imports/a.csv', samples.csv, 'text/csv'],
    ['a GBK CSV import', 'imports/a.csv', samples.gbkCsv, 'application/vnd.ms-excel'],
  ])('accepts %s', async (_name, cloudPath, content, type) => {
    const response = await upload(cloudPath, content, type);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, data: { fileID: expect.stringContaining(cloudPath) } });
  });
});

describe('files are served by their content, never rendered on the app’s origin', () => {
  const sandbox = (response: RawResponse) => {
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['content-security-policy'])).toMatch(/^default-src 'none'; sandbox(;|$)/);
  };

  it('serves an HTML page stored as "plan.pdf" as a download of unknown type, sandboxed', async () => {
    const response = await fetchStored('plans/2026/unit-1/plan.pdf', samples.html);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    sandbox(response);
  });

  it('serves an HTML page stored under an .html name as a download too', async () => {
    const response = await fetchStored('exports/report.html', samples.html);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    sandbox(response);
  });

  it('serves an SVG (which can carry script) as a download', async () => {
    const response = await fetchStored('records/p1/k1/logo.svg', samples.svg);
    expect(response.headers['content-type']).not.toMatch(/svg|html|xml/);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
  });

  it.each([
    ['png', 'records/p1/k1/a.jpg', 'image/png'],
    ['jpeg', 'records/p1/k1/a.png', 'image/jpeg'],
    ['gif', 'records/p1/k1/a.html', 'image/gif'],
    ['webp', 'records/p1/k1/a.bin', 'image/webp'],
  ] as const)('shows a %s image inline with the type its bytes say, whatever its name', async (kind, cloudPath, type) => {
    const response = await fetchStored(cloudPath, samples[kind]);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toBeUndefined();
    sandbox(response);
  });

  it.each([
    ['pdf', 'application/pdf'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['doc', 'application/msword'],
    ['xls', 'application/vnd.ms-excel'],
    ['heic', 'image/heic'],
    ['csv', 'text/csv'],
  ] as const)('serves a %s document as a download of its sniffed type', async (kind, type) => {
    const response = await fetchStored(`plans/2026/unit-1/file-${kind}.dat`, samples[kind]);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-disposition']).toMatch(/^attachment/);
    sandbox(response);
    expect(response.body).toEqual(samples[kind]);
  });
});

describe('the upload quota', () => {
  it('refuses a person whose uploads would pass it, stores nothing, and leaves other people alone', async () => {
    const small = await startHttpServer({ cloud: local.cloud, staticRoot: local.staticRoot, host: '127.0.0.1', port: 0, uploadQuotaBytes: 100 });
    const port = (small.address() as { port: number }).port;
    try {
      const photo = Buffer.concat([samples.jpeg, Buffer.alloc(40)]);
      const send = async (openid: string, name: string) => {
        const person = await signIn(port, openid);
        return raw(port, { method: 'POST', path: '/api/upload', headers: { cookie: person, 'content-type': 'image/jpeg', 'x-cloud-path': `checkins/p1/${name}` }, body: photo });
      };
      expect((await send('demo-chenjing', 'one.jpg')).status).toBe(200);
      const refused = expectRefusal(await send('demo-chenjing', 'two.jpg'), 413);
      expect(refused.message).toMatch(/上限/);
      expect(local.cloud.storage.bytesUnder('uploads/demo-chenjing')).toBe(photo.length);
      expect((await send('demo-zhaojun', 'one.jpg')).status).toBe(200);
    } finally {
      small.close();
      local.cloud.baseUrl = local.base;
    }
  });
});
