import zlib from 'node:zlib';
import QRCode from 'qrcode';
import { LocalCloud } from '../../localcloud';
import { wxServerSdk } from '../../localcloud/sdk';
import { scheduleTriggers, toCronerPattern } from '../../localcloud/triggers';
import { collections } from '../../server/db/collections';

let cloud: LocalCloud;
const seen: Array<{ event: unknown; context: unknown }> = [];

beforeAll(() => {
  cloud = new LocalCloud({
    dataDir: null,
    collections,
    pages: ['pages/home/index', 'pages/confirm/index'],
    functions: [
      {
        name: 'echo',
        triggers: [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }],
        main: async (event) => {
          seen.push({ event, context: wxServerSdk().getWXContext() });
          return { echoed: event };
        },
      },
      {
        name: 'relay',
        triggers: [],
        main: async (event) => (await wxServerSdk().callFunction({ name: 'echo', data: event as object }) as { result: unknown }).result,
      },
    ],
  });
});
afterAll(() => cloud.close());

describe('functions and context', () => {
  it('gives each call its own WeChat context and an empty one outside any call', async () => {
    expect(wxServerSdk().getWXContext()).toEqual({});
    await Promise.all([cloud.callAs('openid-a', 'echo', { n: 1 }), cloud.callAs('openid-b', 'echo', { n: 2 })]);
    const contexts = seen.slice(-2).map((entry) => [(entry.event as { n: number }).n, (entry.context as { OPENID: string }).OPENID]);
    expect(contexts.sort()).toEqual([[1, 'openid-a'], [2, 'openid-b']]);
  });

  it('passes events as JSON and lets a function call another with the caller kept', async () => {
    const result = await cloud.callAs('openid-c', 'relay', { when: new Date('2026-01-01T00:00:00Z'), skip: undefined });
    expect(result).toEqual({ echoed: { when: '2026-01-01T00:00:00.000Z' } });
    expect(seen.at(-1)!.context).toMatchObject({ OPENID: 'openid-c', SOURCE: 'wx_server' });
  });

  it('refuses an unknown function as the SDK does', async () => {
    await expect(wxServerSdk().callFunction({ name: 'nope', data: {} })).rejects.toMatchObject({ errCode: -501000 });
  });
});

describe('subscription messages', () => {
  const send = (data: Record<string, { value: string }>, page = 'pages/home/index') => wxServerSdk().openapi.subscribeMessage.send({ touser: 'openid-a', templateId: 'tpl', page, data });

  it('captures a valid message into the outbox', async () => {
    cloud.subscriptions.grant('openid-a', 'tpl');
    await expect(send({ thing1: { value: '二十个字以内的事项说明' }, phrase2: { value: '待确认' }, date3: { value: '2026-11-29' } })).resolves.toMatchObject({ errCode: 0 });
    expect(cloud.outbox.list({ touser: 'openid-a' })[0]).toMatchObject({ templateId: 'tpl', data: { phrase2: { value: '待确认' } } });
  });

  it.each([
    ['a thing over 20 characters', { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } }],
    ['a phrase over 5 characters', { phrase1: { value: '请尽快确认记录' } }],
    ['a phrase with latin letters', { phrase1: { value: 'ok' } }],
    ['a name over 10 characters', { name1: { value: '一二三四五六七八九十一' } }],
    ['an unknown field type', { colour1: { value: 'red' } }],
  ])('refuses %s with 47003 as WeChat does, and captures nothing', async (_label, data) => {
    const before = cloud.outbox.list({ limit: 500 }).length;
    await expect(send(data)).rejects.toMatchObject({ errCode: 47003 });
    expect(cloud.outbox.list({ limit: 500 })).toHaveLength(before);
  });

  it('refuses a page that starts with a slash', async () => {
    await expect(send({ thing1: { value: '事项' } }, '/pages/home/index')).rejects.toMatchObject({ errCode: 41030 });
  });
});

describe('mini-program codes', () => {
  it('draws a real QR code of the h5 page that the mini-program page would open', async () => {
    const code = (await wxServerSdk().openapi.wxacode.getUnlimited({ scene: 'Abc_123-xyz', page: 'pages/confirm/index', width: 300 })) as { buffer: Buffer; contentType: string };
    expect(code.contentType).toBe('image/png');
    // Read the image back module by module and compare with the QR code of the h5 address.
    const { modules } = QRCode.create(`${cloud.baseUrl}/#/pages/confirm/index?scene=Abc_123-xyz`, { errorCorrectionLevel: 'M' });
    expect(modulesOfPng(code.buffer, modules.size, 2)).toEqual(Array.from({ length: modules.size ** 2 }, (_, index) => modules.get(Math.floor(index / modules.size), index % modules.size) ? 1 : 0));
  });

  it('refuses a scene over 32 characters and a page that does not exist', async () => {
    await expect(wxServerSdk().openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/home/index' })).rejects.toMatchObject({ errCode: 40169 });
    await expect(wxServerSdk().openapi.wxacode.getUnlimited({ scene: 'ok', page: 'pages/nowhere/index' })).rejects.toMatchObject({ errCode: 41030 });
  });
});

describe('storage', () => {
  it('uploads, downloads and deletes files by cloud file id', async () => {
    const sdk = wxServerSdk();
    const { fileID } = await sdk.uploadFile({ cloudPath: 'exports/2026/records.csv', fileContent: Buffer.from('a,b\n1,2\n') });
    expect(fileID).toBe('cloud://local.local-bucket/exports/2026/records.csv');
    const { fileContent } = await sdk.downloadFile({ fileID }) as { fileContent: Buffer };
    expect(fileContent.toString()).toBe('a,b\n1,2\n');
    const removed = await sdk.deleteFile({ fileList: [fileID] }) as { fileList: Array<{ status: number }> };
    expect(removed.fileList[0]!.status).toBe(0);
    await expect(sdk.downloadFile({ fileID })).rejects.toMatchObject({ errCode: -503003 });
  });
});

describe('timer triggers', () => {
  it('reads WeChat’s 7-field cron and refuses other shapes', () => {
    expect(toCronerPattern('0 0 2 1 * * *')).toBe('0 0 2 1 * *');
    expect(() => toCronerPattern('0 0 2 1 *')).toThrow(/7 fields/);
    expect(() => toCronerPattern('0 0 2 1 * * 2027')).toThrow(/year field/);
  });

  it('runs a function on its schedule with a timer event', async () => {
    const before = seen.length;
    const stop = scheduleTriggers(cloud.functions, cloud.env, (message) => {
      throw new Error(message);
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 2200));
    } finally {
      stop();
    }
    const fired = seen.slice(before).filter((entry) => (entry.event as { Type?: string }).Type === 'Timer');
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired[0]!.event).toMatchObject({ Type: 'Timer', TriggerName: 'everySecond' });
    expect(fired[0]!.context).toMatchObject({ SOURCE: 'timer' });
  });
});

/** The dark (1) and light (0) modules of a greyscale PNG QR code, sampled at each module's centre. */
function modulesOfPng(png: Buffer, size: number, margin: number): number[] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = png.readUInt32BE(16);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT') chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const total = size + 2 * margin;
  const pixelOf = (module: number) => Math.floor(((module + margin + 0.5) * width) / total);
  return Array.from({ length: size * size }, (_, index) => {
    const y = pixelOf(Math.floor(index / size));
    const x = pixelOf(index % size);
    return raw[y * (width + 1) + 1 + x] === 0 ? 1 : 0;
  });
}
