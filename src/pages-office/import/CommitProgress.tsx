import { Text, View } from '@tarojs/components';
import type { ImportProgressView, ImportReportView } from '../../contract/admin';

/** Rows written by the first `applied` chunks (the dry run told how many rows each chunk holds). */
export function rowsOf(chunkRows: readonly number[], applied: number): number {
  return chunkRows.slice(0, Math.max(0, applied)).reduce((sum, rows) => sum + rows, 0);
}

/** The commit under way: 已导入 x / y 行 with a bar; while undoing, what is left to undo. */
export function CommitProgress({ report, progress }: { readonly report: ImportReportView; readonly progress: ImportProgressView | null }) {
  const { chunkRows } = report;
  const total = rowsOf(chunkRows, chunkRows.length);
  const applied = progress?.applied ?? 0;
  const done = rowsOf(chunkRows, applied);
  const rollingBack = progress?.state === 'rollingBack';
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const text = rollingBack ? `导入失败，正在撤销已写入的部分：还剩 ${done} 行…` : progress === null ? `正在开始导入（共 ${total} 行）…` : `已导入 ${done} / ${total} 行（${percent}%）`;
  return (
    <View id='import-progress'>
      <Text className='card__text'>{text}</Text>
      <View className='import-progress' ariaRole='progressbar' ariaLabel={rollingBack ? `正在撤销，还剩 ${percent}%` : `已导入 ${percent}%`}>
        <View className='import-progress__bar' style={{ width: `${percent}%` }} />
      </View>
      <Text className='page-subtitle'>导入分批进行，请停留在本页直到完成。</Text>
    </View>
  );
}
