import Taro from '@tarojs/taro';

/**
 * Open an exported Excel file: in WeChat, download it and open it with the document viewer (which can
 * forward or print it); in the browser, follow the link so the file downloads.
 */
export async function openFile(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
    return;
  }
  window.location.assign(url);
}
