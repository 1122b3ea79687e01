/**
 * The mini-program's privacy declaration: the one list of what personal information it reaches and why.
 *
 * WeChat refuses a privacy-scoped API ("api scope is not declared in the privacy agreement") unless its
 * scope is declared in the 用户隐私保护指引 filled in on the WeChat console, and location APIs must also be
 * listed in app.json's `requiredPrivateInfos`. Both are generated from this list:
 * - `requiredPrivateInfos` in src/app.config.ts (the location APIs);
 * - the 隐私保护指引 step of the README's 部署到微信 (what the deployer copies into the console),
 *   by `privacyGuide()`; tests/domain/privacy.test.ts checks the README holds exactly that text.
 * The weapp test tier reads this list too, to know what WeChat would let through.
 *
 * Pure data: no Taro, no I/O. A new call to a privacy-scoped API needs its scope here first.
 */

export type PrivacyScopeKey = 'location' | 'album' | 'clipboard' | 'files' | 'name';

/** The APIs WeChat accepts in app.json's `requiredPrivateInfos`. */
const locationApis = ['getLocation', 'chooseLocation', 'getFuzzyLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground', 'choosePoi', 'chooseAddress'] as const;
export type LocationApi = (typeof locationApis)[number];
/** The privacy-scoped APIs this list may name. */
export type PrivacyApi = LocationApi | 'chooseMedia' | 'chooseImage' | 'chooseVideo' | 'setClipboardData' | 'getClipboardData' | 'chooseMessageFile';

const isLocationApi = (api: string): api is LocationApi => (locationApis as readonly string[]).includes(api);

export interface PrivacyScope {
  readonly key: PrivacyScopeKey;
  /** The title of its line in the privacy guide. */
  readonly label: string;
  /** The item to tick in WeChat's console (设置 → 服务内容声明 → 用户隐私保护指引), when WeChat names it differently. */
  readonly wechatItem?: string;
  /** The `wx.*` APIs the product calls under this scope (none: collected in a form). */
  readonly apis: readonly PrivacyApi[];
  /** Location APIs must also be listed in app.json's requiredPrivateInfos. */
  readonly requiredPrivateInfos: boolean;
  /** Why and when, in Chinese, as the person reads it in the guide. */
  readonly purpose: string;
}

export const privacyScopes: readonly PrivacyScope[] = [
  {
    key: 'location',
    label: '位置信息',
    apis: ['getLocation', 'chooseLocation'],
    requiredPrivateInfos: true,
    purpose:
      '用于到访签到时记录时间和地点，作为结对工作记录的佐证，只在用户点击“签到”时获取一次，不持续定位；联合活动现场签到时（可拒绝）取一次位置，只保存与活动现场的距离，用于核查转发的签到码；共建办为“两新”组织设置位置时，可在地图上选点（选择位置）',
  },
  {
    key: 'album',
    label: '相册/摄像头',
    wechatItem: '选中的照片或视频信息',
    apis: ['chooseMedia'],
    requiredPrivateInfos: false,
    purpose: '用于为签到和工作记录添加可选的照片佐证（拍摄或从相册选择），不拍照也可以正常提交',
  },
  {
    key: 'clipboard',
    label: '剪切板',
    apis: ['setClipboardData'],
    requiredPrivateInfos: false,
    purpose: '用户点击“复制”时，把评议链接和评议码、邀请码或导出文件的下载链接写入剪切板，便于转发；不读取剪切板',
  },
  {
    key: 'files',
    label: '选中的文件',
    apis: ['chooseMessageFile'],
    requiredPrivateInfos: false,
    purpose: '用于上传用户从微信聊天中选择的文件（工作方案的附件、共建办导入的结对表），只在用户点击“添加附件”或“选择文件”时打开',
  },
  {
    key: 'name',
    label: '微信昵称以外的姓名',
    apis: [],
    requiredPrivateInfos: false,
    purpose: '加入时由本人填写，用于在记录中署名',
  },
];

/** The APIs to list in app.json's `requiredPrivateInfos`. */
export function requiredPrivateInfos(): LocationApi[] {
  return privacyScopes.filter((scope) => scope.requiredPrivateInfos).flatMap((scope) => scope.apis.filter(isLocationApi));
}

/** The scope that declares an API the product calls; undefined when none does. */
export function scopeOfApi(api: string): PrivacyScope | undefined {
  return privacyScopes.find((scope) => (scope.apis as readonly string[]).includes(api));
}

const apiList = (apis: readonly string[]) => apis.map((api) => `\`wx.${api}\``).join('、');

function guideLine(scope: PrivacyScope): string {
  const notes = [
    ...(scope.apis.length > 0 ? [apiList(scope.apis)] : []),
    ...(scope.wechatItem ? [`在指引中选“${scope.wechatItem}”`] : []),
    ...(scope.requiredPrivateInfos ? ['已在 `app.json` 的 `requiredPrivateInfos` 声明'] : []),
  ];
  return `**${scope.label}**${notes.length > 0 ? `（${notes.join('，')}）` : ''}：${scope.purpose}`;
}

/**
 * The README's 部署到微信 step 6, as the deployer reads it (markdown, list items indented under the step).
 * Location APIs must also be switched on under 开发管理 → 接口设置 before the review.
 */
export function privacyGuide(): string {
  const location = requiredPrivateInfos();
  return [
    '6. **隐私保护指引**：在“设置 → 服务内容声明 → 用户隐私保护指引”中声明下列各项（由 `src/privacy.ts` 生成，测试保证一致；未声明的接口会被微信拒绝：“api scope is not declared in the privacy agreement”）：',
    ...privacyScopes.map((scope) => `   - ${guideLine(scope)}；`),
    `   提交审核前，在“开发管理 → 接口设置”中开通 ${apiList(location)}（需说明使用场景，可填上面位置信息的用途）。不收集手机号、身份证号等其他个人信息；评议问卷匿名，答卷不与微信身份关联（见“评议”一节）。`,
  ].join('\n');
}
