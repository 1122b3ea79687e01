import { recordKinds } from '../../src/domain/records/catalog';
import { fitText } from '../../src/domain/text/fit';
import type { RecordDocument } from '../db/documents';
import { miniprogramState, templates } from '../config/templates';
import type { WxCloud } from '../runtime/cloud';

export interface Recipient {
  readonly openid: string;
}

/** WeChat answers 43101 when the person has not allowed (or has used up) this reminder: not an error for us. */
const NOT_SUBSCRIBED = 43101;

/**
 * Tell the org's party leaders that a record waits for them (subscription message, one per allowance).
 * Answers how many were reached; the share card and the QR code remain for the others.
 */
export async function sendConfirmRequests(cloud: WxCloud, record: RecordDocument, token: string, recipients: readonly Recipient[], log: (line: string) => void = console.warn): Promise<number> {
  let reached = 0;
  for (const recipient of recipients) {
    try {
      await cloud.openapi.subscribeMessage.send({
        touser: recipient.openid,
        templateId: templates.confirmRequest.id,
        page: `${templates.confirmRequest.page}?t=${token}`,
        miniprogramState,
        lang: 'zh_CN',
        data: {
          thing1: { value: fitText(recordKinds[record.kind], 20) },
          thing2: { value: fitText(record.unitName, 20) },
          date3: { value: record.date },
          thing4: { value: fitText('请确认或提出异议', 20) },
        },
      });
      reached += 1;
    } catch (error) {
      const code = (error as { errCode?: number }).errCode;
      if (code !== NOT_SUBSCRIBED) log(`[gongjian] confirm request to ${recipient.openid} failed: ${String((error as Error).message ?? error)}`);
    }
  }
  return reached;
}
