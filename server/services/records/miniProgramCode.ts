import type { LinkedPage } from '../../../src/contract/pages';
import type { WxCloud } from '../../runtime/cloud';

/**
 * A mini-program code (小程序码) opening `page` with `scene`, as a PNG data URL: the confirm link,
 * the venue code and invitations are shown on one phone and scanned with another.
 */
export async function miniProgramCode(cloud: WxCloud, page: LinkedPage, scene: string): Promise<string> {
  const code = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 })) as { buffer: Buffer; contentType: string };
  return `data:${code.contentType};base64,${Buffer.from(code.buffer).toString('base64')}`;
}
