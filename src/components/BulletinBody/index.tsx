import { Text, View } from '@tarojs/components';
import type { BulletinView } from '../../contract/bulletins';
import { calendarStatusLabels } from '../../domain/points/calendar';
import { chinaDate } from '../../domain/time/chinaLabels';
import './index.css';

interface UnitReasonsProps {
  readonly id: string;
  readonly heading: string;
  readonly units: BulletinView['content']['praised'];
  readonly mark: (unitId: string) => string;
}

/** Units named in the bulletin, each with why; nothing when there are none. */
function UnitReasons({ id, heading, units, mark }: UnitReasonsProps) {
  if (units.length === 0) return null;
  return (
    <View id={id}>
      <Text className='bulletin-body__heading'>{heading}</Text>
      {units.map((unit) => (
        <Text key={unit.unitId} className='card__text'>
          · {unit.unitName}{mark(unit.unitId)}：{unit.reason}
        </Text>
      ))}
    </View>
  );
}

/** A bulletin as published: text, good practices, units praised and units behind; the reader's own unit marked. */
export function BulletinBody({ bulletin }: { readonly bulletin: BulletinView }) {
  const { content } = bulletin;
  const mine = new Set(bulletin.myUnitIds);
  const mark = (unitId: string) => (mine.has(unitId) ? '（本单位）' : '');
  return (
    <View className='card bulletin-body' id={`bulletin-${bulletin.id}`}>
      <Text className='card__title'>{content.title}</Text>
      <Text className='card__text'>{content.summary}</Text>
      {content.goodPractices.length > 0 ? (
        <View id='good-practices'>
          <Text className='bulletin-body__heading'>好的做法</Text>
          {content.goodPractices.map((practice) => (
            <Text key={practice.recordId} className='card__text'>
              · {practice.unitName}{mark(practice.unitId)}与{practice.orgName}（{practice.kindLabel}，{practice.date}）：{practice.excerpt}
            </Text>
          ))}
        </View>
      ) : null}
      <UnitReasons id='praised' heading='予以表扬' units={content.praised} mark={mark} />
      <UnitReasons id='behind' heading='需抓紧整改' units={content.behind} mark={mark} />
      {bulletin.myUnitIds.length > 0 ? (
        <View id='my-compliance'>
          <Text className='bulletin-body__heading'>本单位本季度情况</Text>
          {content.compliance
            .filter((row) => mine.has(row.unitId))
            .map((row) => (
              <Text key={row.unitId} className='card__text'>
                到访：{row.months.map((status) => calendarStatusLabels[status]).join('、')}；联合活动：{calendarStatusLabels[row.quarter]}
              </Text>
            ))}
        </View>
      ) : null}
      {content.closing ? <Text className='card__text'>{content.closing}</Text> : null}
      <Text className='card__text muted'>
        {bulletin.scopeName} · {bulletin.publishedAt ? `发布于 ${chinaDate(bulletin.publishedAt)}` : '草稿'}
      </Text>
    </View>
  );
}
