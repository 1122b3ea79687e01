import { Text, View } from '@tarojs/components';
import type { ImportReportView, RowReport } from '../../contract/admin';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';

const changeLabels = { create: '新增', update: '修改', replace: '更换组织', unchanged: '不变', none: '' } as const;

function RowLine({ row }: { readonly row: RowReport }) {
  const bad = row.problems.length > 0;
  const what = [
    row.unit !== 'none' && row.unit !== 'unchanged' ? `单位${changeLabels[row.unit]}` : '',
    row.org !== 'none' && row.org !== 'unchanged' ? `组织${changeLabels[row.org]}` : '',
    row.pairing !== 'none' && row.pairing !== 'unchanged' ? `结对${changeLabels[row.pairing]}` : '',
  ].filter(Boolean);
  return (
    <View className={`import-row${bad ? ' import-row--bad' : ''}`} id={`import-row-${row.row}`}>
      <Text className='import-row__title'>
        第 {row.row} 行：{row.unitName || '（无单位名称）'} ↔ {row.orgName || '（无组织名称）'}
      </Text>
      {row.problems.map((problem, index) => (
        <Text key={index} className='import-row__problem'>
          {problem.column ? `“${problem.column}”` : ''}
          {problem.message}
        </Text>
      ))}
      {!bad && what.length > 0 ? <Text className='import-row__change'>{what.join('，')}</Text> : null}
      {!bad && row.changedFields.length > 0 ? <Text className='import-row__fields'>变化：{row.changedFields.join('、')}</Text> : null}
      {row.notes.map((note, index) => (
        <Text key={`note-${index}`} className='import-row__note'>
          {note}
        </Text>
      ))}
    </View>
  );
}

/** The dry run's report: the whole file's problems, the totals, then every row with a problem or a change. */
export function ReportView({ report }: { readonly report: ImportReportView }) {
  const totals = report.totals;
  return (
    <View id='import-report'>
      {report.fileProblems.length > 0 ? (
        <Notice id='file-problems' tone='error' title='表格不能导入'>
          {report.fileProblems.map((problem) => (
            <Text key={problem} className='notice__text'>
              {problem}
            </Text>
          ))}
        </Notice>
      ) : null}
      {totals ? (
        <View className='card' id='import-totals'>
          <Text className='card__title'>
            {report.year ? `${report.year} 年度，` : ''}共 {totals.rows} 行
          </Text>
          <Text className='card__text'>
            有问题 {totals.errorRows} 行 · 有变化 {totals.changedRows} 行 · 不变 {totals.unchangedRows} 行
          </Text>
          {report.canCommit ? (
            <Text className='card__text'>
              将新增单位 {totals.unitsCreated}、组织 {totals.orgsCreated}、结对 {totals.pairingsCreated}；修改单位 {totals.unitsUpdated}、组织 {totals.orgsUpdated}；结束结对 {totals.pairingsEnded}
            </Text>
          ) : null}
        </View>
      ) : null}
      {report.warnings.map((warning) => (
        <Notice key={warning} tone='info' text={warning} />
      ))}
      {report.rows.length > 0 ? (
        <Section id='import-rows' title={report.canCommit ? '将要发生的变化' : '逐行检查结果（请修改后重新上传）'}>
          {report.rows.map((row) => (
            <RowLine key={row.row} row={row} />
          ))}
          {report.rowsOmitted > 0 ? <Text className='muted'>另有 {report.rowsOmitted} 行未列出</Text> : null}
        </Section>
      ) : null}
    </View>
  );
}
