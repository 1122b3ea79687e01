import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { importStateLabels } from '../../domain/admin/importJob';
import { callAction } from '../../client/callAction';
import { copyText } from '../../client/clipboard';
import { openDocument } from '../../client/documents';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Notice';
import { PageFrame } from '../../components/PageFrame';
import { Section } from '../../components/Section';
import { OfficeWaitingView } from '../shared/OfficeWaitingView';
import { useOfficeQuery } from '../shared/useOfficeQuery';
import { CommitProgress } from './CommitProgress';
import { ReportView } from './ReportView';
import { useImport } from './useImport';
import './index.css';

function ExportSection() {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);

  async function download(id: string, format: 'xlsx' | 'csv', template: boolean) {
    setBusy(id);
    setMessage(null);
    const result = await callAction('admin.export', { format, template });
    setBusy(null);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setMessage({ tone: 'success', text: template ? '模板已生成' : `已导出 ${result.data.rows} 个结对` });
    if (process.env.TARO_ENV === 'weapp' && format === 'csv') {
      if (await copyText(result.data.url, '下载链接')) return setMessage({ tone: 'success', text: 'CSV 下载链接已复制，请在电脑浏览器中打开' });
      return setMessage({ tone: 'error', text: 'CSV 已生成，但未能复制下载链接，请重试' });
    }
    try {
      await openDocument(result.data.url, result.data.fileName);
    } catch {
      setMessage({ tone: 'error', text: '文件已生成，但无法打开，请稍后重试' });
    }
  }

  return (
    <Section id='export' title='导出与模板'>
      <Text className='page-subtitle'>导出的表格与导入格式相同：修改后再导入，只更新改动的行。</Text>
      {message ? <Notice id='export-message' tone={message.tone} text={message.text} /> : null}
      <ActionButton id='export-xlsx' text='导出当前结对表（Excel）' variant='secondary' busy={busy === 'xlsx'} busyText='正在导出…' onTap={() => void download('xlsx', 'xlsx', false)} />
      <View className='button-row'>
        <ActionButton id='export-csv' text='导出 CSV' variant='secondary' busy={busy === 'csv'} busyText='正在导出…' onTap={() => void download('csv', 'csv', false)} />
      </View>
      <View className='button-row'>
        <ActionButton id='export-template' text='下载空白模板' variant='secondary' busy={busy === 'template'} busyText='正在生成…' onTap={() => void download('template', 'xlsx', true)} />
      </View>
    </Section>
  );
}

function Importer() {
  // Nothing to load before a file is chosen: the page only needs to know it is an office's.
  const office = useOfficeQuery('session.whoami', {}, { returnTo: '/pages-office/import/index' });
  const { step, error, chooseAndCheck, commit, reset } = useImport();
  if (office.state.status !== 'ready') return <OfficeWaitingView state={office.state} onRetry={() => void office.reload()} />;
  const report = step.kind === 'report' || step.kind === 'committing' || step.kind === 'done' ? step.report : null;
  return (
    <View>
      <Text className='page-title'>导入结对表</Text>
      <Text className='page-subtitle'>先预检、看清逐行结果，再确认导入：要么全部导入，要么一行也不改。</Text>
      {error ? <Notice id='import-error' tone='error' text={error} /> : null}
      {step.kind === 'idle' ? <ActionButton id='choose-file' text='选择 Excel（.xlsx）或 CSV 文件' onTap={() => void chooseAndCheck()} /> : null}
      {step.kind === 'uploading' ? <Notice id='import-busy' text={`正在上传“${step.fileName}”…`} /> : null}
      {step.kind === 'checking' ? <Notice id='import-busy' text={`正在逐行检查“${step.fileName}”…`} /> : null}
      {report ? <ReportView report={report} /> : null}
      {step.kind === 'report' && step.report.canCommit ? (
        <ActionButton id='commit-import' text={step.report.totals && step.report.totals.changedRows === 0 ? '没有需要修改的内容，完成' : `确认导入（${step.report.totals?.changedRows ?? 0} 行有变化）`} onTap={() => void commit()} />
      ) : null}
      {step.kind === 'committing' ? <CommitProgress report={step.report} progress={step.progress} /> : null}
      {step.kind === 'done' ? (
        <Notice id='import-done' tone={step.progress.state === 'committed' ? 'success' : 'error'} title={importStateLabels[step.progress.state]} text={step.progress.message ?? (step.progress.state === 'committed' ? '结对表已导入，各单位和组织即可开始使用。' : undefined)} />
      ) : null}
      {step.kind === 'report' || step.kind === 'done' ? (
        <View className='button-row'>
          <ActionButton id='import-again' text='重新选择文件' variant='secondary' onTap={reset} />
        </View>
      ) : null}
      <ExportSection />
    </View>
  );
}

/** 导入结对表 (the notice's appendix 1): dry run with a row-by-row report, then all-or-nothing commit; export. */
export default function ImportPage() {
  return <PageFrame className='import-page'><Importer /></PageFrame>;
}
