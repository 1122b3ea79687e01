import { waitFor } from '@testing-library/react';
import type * as QueueModule from '../../src/client/recordQueue';
import { loadDraft, storeDraft } from '../../src/client/recordDraft';
import { aRecord } from './builders';
import type { taroControls } from './helpers';
import { fail, mockActions, ok, settle } from './helpers';

const link = { token: 'tok_abcdefghijklmnop', path: 'pages/confirm/index?t=tok_abcdefghijklmnop', expiresAt: '2026-03-19T00:00:00.000Z' };
const content = {
  clientKey: 'lq3x9-abcdefghij',
  pairingId: 'pairing-2026-001',
  kind: 'monthlyVisit' as const,
  date: '2026-03-05',
  contentAreas: ['workSystems' as const],
  content: '到企业党支部指导三会一课制度落实',
  results: '帮助修订学习制度一项',
  participants: { unit: { count: 2, names: [] }, org: { count: 3, names: [] } },
};

/** A fresh copy of the queue module and of Taro, as after an app restart (storage is kept). */
function freshApp(): { queue: typeof QueueModule; taro: typeof taroControls } {
  let queue: typeof QueueModule | undefined;
  let taro: typeof taroControls | undefined;
  jest.isolateModules(() => {
    queue = require('../../src/client/recordQueue');
    // The record editor loads the contract's completeness rules into the queue.
    require('../../src/client/recordCompleteness');
    taro = require('@tarojs/taro');
  });
  return { queue: queue!, taro: taro! };
}

/** A server whose network can be cut: calls fail before reaching it while `online` is false. */
function server() {
  const net = { online: true };
  const offline = () => {
    throw new TypeError('Failed to fetch');
  };
  const mock = mockActions({
    'records.save': (input) => (net.online ? ok({ record: aRecord({ id: String(input['clientKey']), state: 'draft', revision: 1 }) }) : offline()),
    'records.submit': (input) => (net.online ? ok({ record: aRecord({ id: String(input['recordId']) }), link }) : offline()),
  });
  return { net, ...mock };
}

describe('record submission queue', () => {
  it('keeps a record through a network failure and sends it exactly once when the network is back', async () => {
    const { net, inputsOf } = server();
    const { queue, taro } = freshApp();
    storeDraft(content.clientKey, { typed: 'on the phone' });
    const events: string[] = [];
    queue.onQueueEvent((event) => events.push(`${event.clientKey}:${event.outcome.status}`));

    net.online = false;
    expect(await queue.submitRecord(content.clientKey, content)).toEqual({ status: 'queued' });
    expect(queue.queuedSubmissions()).toHaveLength(1);
    expect(inputsOf('records.save')).toHaveLength(0);

    // Still offline: the app comes to the foreground, nothing is lost or sent.
    taro.__emitAppShow();
    await settle();
    expect(queue.queuedSubmissions()).toHaveLength(1);
    expect(inputsOf('records.save')).toHaveLength(0);

    // Back online: the network signal and the app showing at once share one pass.
    net.online = true;
    taro.__emitNetworkStatus({ isConnected: true, networkType: 'wifi' });
    taro.__emitAppShow();
    await waitFor(() => expect(queue.queuedSubmissions()).toEqual([]));

    expect(inputsOf('records.save')).toEqual([content]);
    expect(inputsOf('records.submit')).toEqual([{ recordId: content.clientKey, revision: 1 }]);
    expect(queue.queuedSubmissions()).toEqual([]);
    expect(loadDraft(content.clientKey)).toBeUndefined();
    expect(events).toEqual([`${content.clientKey}:sent`]);

    // Later signals find nothing left to send.
    taro.__emitNetworkStatus({ isConnected: true });
    taro.__emitAppShow();
    await settle();
    await queue.flushQueue();
    expect(inputsOf('records.save')).toHaveLength(1);
    expect(inputsOf('records.submit')).toHaveLength(1);
  });

  it('after the save went through, a retry only submits (same revision), even after an app restart', async () => {
    const { inputsOf, fetch } = server();
    let submits = 0;
    fetch.mockImplementation(((original) => (url: string, init?: RequestInit) => {
      const action = JSON.parse(String(init?.body)).action;
      if (action === 'records.submit' && submits++ === 0) return Promise.reject(new TypeError('Failed to fetch'));
      return original(url, init);
    })(fetch.getMockImplementation()!));

    const before = freshApp().queue;
    expect(await before.submitRecord(content.clientKey, content)).toEqual({ status: 'queued' });
    expect(before.queuedSubmissions()).toEqual([expect.objectContaining({ clientKey: content.clientKey, submitRevision: 1 })]);

    // The app restarts: on launch the retries start, and showing the app sends what waits.
    const { queue: after, taro } = freshApp();
    after.startQueueRetries();
    taro.__emitAppShow();
    await waitFor(() => expect(after.queuedSubmissions()).toEqual([]));

    expect(inputsOf('records.save')).toHaveLength(1);
    expect(inputsOf('records.submit')).toEqual([{ recordId: content.clientKey, revision: 1 }]);
    expect(after.queuedSubmissions()).toEqual([]);
  });

  it('does not retry what the server refused, and keeps the draft on the phone', async () => {
    const { inputsOf } = mockActions({ 'records.save': () => fail('INVALID_INPUT', '日期不在结对期内', 'date') });
    const { queue, taro } = freshApp();
    storeDraft(content.clientKey, { typed: 'on the phone' });
    const outcome = await queue.submitRecord(content.clientKey, content);
    expect(outcome).toEqual({ status: 'failed', error: { code: 'INVALID_INPUT', message: '日期不在结对期内', field: 'date' } });

    taro.__emitNetworkStatus({ isConnected: true });
    await settle();
    await queue.flushQueue();
    expect(inputsOf('records.save')).toHaveLength(1);
    expect(queue.queuedSubmissions()).toEqual([expect.objectContaining({ failure: expect.objectContaining({ code: 'INVALID_INPUT' }) })]);
    expect(loadDraft(content.clientKey)).toBeDefined();
  });

  it('refuses an incomplete record on the phone with every problem, without queueing or calling the server', async () => {
    const { calls } = mockActions({});
    const { queue, taro } = freshApp();
    const incomplete = { ...content, content: ' ', participants: { unit: { count: null, names: [] }, org: content.participants.org } };
    const outcome = await queue.submitRecord(content.clientKey, incomplete);
    expect(outcome).toEqual({ status: 'failed', error: { code: 'INVALID_INPUT', message: '还有 2 处需要填写或修改：请填写工作内容；请填写我方参加人数' } });
    expect(queue.queuedSubmissions()).toEqual([]);
    taro.__emitNetworkStatus({ isConnected: true });
    await settle();
    expect(calls()).toEqual([]);
  });

  it('does not send an incomplete record queued by an older version of the app: it waits for a look', async () => {
    const { calls } = mockActions({});
    const { queue } = freshApp();
    queue.enqueueSubmission(content.clientKey, { ...content, contentAreas: [] });
    await queue.flushQueue();
    expect(calls()).toEqual([]);
    expect(queue.queuedSubmissions()).toEqual([expect.objectContaining({ failure: { code: 'INVALID_INPUT', field: 'contentAreas', message: '还有 1 处需要填写或修改：请至少选择一项共建内容' } })]);
  });
});
