import { qrPng } from './qrPng';

export interface GetUnlimitedParams {
  readonly scene: string;
  readonly page?: string;
  readonly width?: number;
  readonly checkPath?: boolean;
  readonly envVersion?: string;
}

export class WxacodeError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

/** WeChat allows 32 visible characters in a scene: digits, letters and !#$&'()*+,/:;=?@-._~ */
const scenePattern = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/**
 * `openapi.wxacode.getUnlimited` as a real QR image. Scanned with a phone camera it opens the same
 * page of the h5 app (`<baseUrl>/#/<page>?scene=<scene>`), where the mini-program would open.
 */
export async function getUnlimited(params: GetUnlimitedParams, baseUrl: string, knownPages: readonly string[]) {
  if (typeof params.scene !== 'string' || !scenePattern.test(params.scene)) {
    throw new WxacodeError(40169, 'invalid length for scene, or the data is not json');
  }
  const page = params.page ?? 'pages/home/index';
  if (page.startsWith('/') || (params.checkPath !== false && knownPages.length > 0 && !knownPages.includes(page))) {
    throw new WxacodeError(41030, `invalid page rid: ${page}`);
  }
  const width = Math.min(Math.max(params.width ?? 430, 280), 1280);
  const url = h5UrlOf(baseUrl, page, params.scene);
  const buffer = qrPng(url, width);
  return { contentType: 'image/png', buffer, errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' };
}

export function h5UrlOf(baseUrl: string, page: string, scene: string): string {
  return `${baseUrl}/#/${page}?scene=${encodeURIComponent(scene)}`;
}
