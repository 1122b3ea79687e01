import { Worker } from 'node:worker_threads';

/**
 * The local cloud draws real mini-program codes with `qrcode` (pngjs). Inside jest's sandbox that
 * code runs about ten times slower than in plain Node (it indexes Buffers from another V8 context),
 * ~7 s a code on this machine. The same library draws them here in a worker thread: the same bytes,
 * in a fraction of the time. Answers a function to undo it.
 */
export function drawQrCodesInWorker(): () => void {
  const qrcode = require('qrcode') as { toBuffer: (text: string, options: unknown) => Promise<Buffer> };
  const original = qrcode.toBuffer;
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     const QRCode = require(${JSON.stringify(require.resolve('qrcode'))});
     parentPort.on('message', ({ id, text, options }) => {
       QRCode.toBuffer(text, options).then((buffer) => parentPort.postMessage({ id, buffer }), (error) => parentPort.postMessage({ id, error: String(error && error.message || error) }));
     });`,
    { eval: true },
  );
  worker.unref();
  let next = 0;
  const waiting = new Map<number, { resolve: (buffer: Buffer) => void; reject: (error: Error) => void }>();
  worker.on('message', ({ id, buffer, error }: { id: number; buffer?: Uint8Array; error?: string }) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (!call) return;
    if (error !== undefined || !buffer) call.reject(new Error(error ?? 'qrcode worker answered nothing'));
    else call.resolve(Buffer.from(buffer));
  });
  qrcode.toBuffer = (text, options) =>
    new Promise<Buffer>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, text, options });
    });
  return () => {
    qrcode.toBuffer = original;
    void worker.terminate();
  };
}
