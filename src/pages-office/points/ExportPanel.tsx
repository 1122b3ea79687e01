import { Text, View } from '@tarojs/components';
import { openDocument } from '../../client/documents';
import { ActionButton } from '../../components/ActionButton';
import { LinkRow } from '../../components/LinkRow';
import { Notice } from '../../components/Notice';
import type { ExportState } from './useExports';
import './index.css';

/** Progress of an export and the files it made (each opens or downloads). */
export function ExportProgress({ state }: { readonly state: ExportState }) {
  const { progress } = state;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <View id='export-progress'>
      {state.busy ? (
        <View className='points-progress' ariaRole='progressbar' ariaLabel={`已完成 ${percent}%`}>
          <View className='points-progress__bar' style={{ width: `${percent}%` }} />
          <Text className='points-progress__text'>{progress && progress.total > 1 && progress.done > 0 ? `正在导出 ${progress.done}/${progress.total} 个单位…` : '正在生成 Excel 文件，请稍候（单位较多时需要十几秒）…'}</Text>
        </View>
      ) : null}
      {state.error ? <Notice id='export-error' tone='error' text={state.error} /> : null}
      {state.files.map((file) => (
        <LinkRow key={file.fileID} id={`file-${file.fileID.split('/').pop()}`} text={file.fileName} detail='打开' onTap={() => void openDocument(file.url, file.fileName).catch(() => undefined)} />
      ))}
    </View>
  );
}

export function ExportButtons({ busy, onTable, onBooks }: { readonly busy: boolean; readonly onTable: () => void; readonly onBooks: () => void }) {
  return (
    <View>
      <ActionButton id='export-table' text='导出积分表（Excel）' busy={busy} busyText='正在导出…' onTap={onTable} />
      <ActionButton id='export-books' text='导出各单位积分行动记录本（Excel）' variant='secondary' busy={busy} busyText='正在导出…' onTap={onBooks} />
    </View>
  );
}
