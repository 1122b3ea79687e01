import type { ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import type { RecordView } from '../../contract/records';
import { massOrganisations } from '../../domain/catalog/organisations';
import { contentAreas, recordKinds } from '../../domain/records/catalog';
import { StateBadge } from '../StateBadge';
import './index.css';

function Block({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <View className='record-content__block'>
      <Text className='record-content__label'>{label}</Text>
      {children}
    </View>
  );
}

function sideText(record: RecordView, side: 'unit' | 'org'): string {
  const { count, names } = record.participants[side];
  const organisations = record.organisations[side].map((id) => massOrganisations[id]).join('、');
  return `${count} 人${names.length > 0 ? `：${names.join('、')}` : ''}${organisations ? `（${organisations}参与）` : ''}`;
}

/** A record as the record book shows it: what, when, who, with what result. */
export function RecordContent({ record, showAttachments = true }: { readonly record: RecordView; readonly showAttachments?: boolean }) {
  return (
    <View className='record-content' id='record-content'>
      <View className='record-content__head'>
        <Text className='record-content__kind'>{recordKinds[record.kind]}</Text>
        <StateBadge state={record.state} />
      </View>
      <Text className='record-content__meta'>
        {record.date} · {record.unitName} 与 {record.orgName}
        {record.revision > 1 ? ` · 第 ${record.revision} 版` : ''}
        {record.paper ? ' · 办公室补录' : ''}
      </Text>
      <Block label='共建内容'>
        {record.contentAreas.map((area) => (
          <Text key={area} className='record-content__text'>
            {contentAreas[area]}
          </Text>
        ))}
      </Block>
      <Block label='工作内容'>
        <Text className='record-content__text record-content__prose'>{record.content}</Text>
      </Block>
      <Block label='具体成效'>
        <Text className='record-content__text record-content__prose'>{record.results}</Text>
      </Block>
      <Block label='参加人员'>
        <Text className='record-content__text'>{record.unitName}：{sideText(record, 'unit')}</Text>
        <Text className='record-content__text'>{record.orgName}：{sideText(record, 'org')}</Text>
      </Block>
      {showAttachments && record.attachments.length > 0 ? (
        <Block label='附件照片'>
          {record.attachments.map((item) =>
            // Cloud file ids display directly in the mini-program; the h5 app lists their names.
            process.env.TARO_ENV === 'weapp' ? (
              <Image key={item.fileId} className='record-content__photo' src={item.fileId} mode='widthFix' />
            ) : (
              <Text key={item.fileId} className='record-content__text'>
                {item.name}
              </Text>
            ),
          )}
        </Block>
      ) : null}
      <Text className='record-content__author'>记录人：{record.authorName}</Text>
    </View>
  );
}
