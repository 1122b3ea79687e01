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
  /** Name at most this many units and count the rest (a preview of a long list); all when absent. */
  readonly limit: number | undefined;
}

/** Units named in the bulletin, each with why; nothing when there are none. */
function UnitReasons({ id, heading, units, mark, limit }: UnitReasonsProps) {
  if (units.length === 0) return null;
  const shown = limit === undefined ? units : units.slice(0, limit);
  return (
    <View id={id}>
      <Text className='bulletin-body__heading'>{heading}</Text>
      {shown.map((unit) => (
        <Text key={unit.unitId} className='card__text'>
          · {unit.unitName}{mark(unit.unitId)}：{unit.reason}
        </Text>
      ))}
      {shown.length < units.length ? <Text className='card__text muted' id={`${id}-more`}>……另有 {units.length - shown.length} 个单位（共 {units.length} 个）</Text> : null}
    </View>
  );
}

/**
 * A bulletin as published: text, good practices, units praised and units behind; the reader's own unit
 * marked. `listLimit` shortens the lists of units for a preview (an office's draft can name a thousand).
 */
export function BulletinBody({ bulletin, listLimit }: { readonly bulletin: BulletinView; readonly listLimit?: number }) {
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
      <UnitReasons id='praised' heading='予以表扬' units={content.praised} mark={mark} limit={listLimit} />
      <UnitReasons id='behind' heading='需抓紧整改' units={content.behind} mark={mark} limit={listLimit} />
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
