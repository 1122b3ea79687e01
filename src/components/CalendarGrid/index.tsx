import { Text, View } from '@tarojs/components';
import type { CadenceCalendar, CalendarEntry, CalendarStatus } from '../../domain/points/calendar';
import { calendarStatusLabels } from '../../domain/points/calendar';
import './index.css';

const legend: readonly CalendarStatus[] = ['done', 'late', 'pending', 'missing', 'open', 'upcoming'];

function Cell({ entry, label }: { readonly entry: CalendarEntry; readonly label: string }) {
  return (
    <View id={`calendar-${entry.key}`} className={`points-calendar__cell points-calendar__cell--${entry.status}`} ariaLabel={`${label}：${calendarStatusLabels[entry.status]}`}>
      <Text className='points-calendar__label'>{label}</Text>
      <Text className='points-calendar__status'>{calendarStatusLabels[entry.status]}</Text>
    </View>
  );
}

/** The year's cadence: 12 months (到访), 4 quarters (联合活动) and the summary meeting, each done, late or missing. */
export function CalendarGrid({ calendar }: { readonly calendar: CadenceCalendar }) {
  return (
    <View className='points-calendar' id='cadence-calendar'>
      <Text className='points-calendar__heading'>一月一到访</Text>
      <View className='points-calendar__grid'>
        {calendar.months.map((entry, index) => (
          <Cell key={entry.key} entry={entry} label={`${index + 1}月`} />
        ))}
      </View>
      <Text className='points-calendar__heading'>一季一活动</Text>
      <View className='points-calendar__grid'>
        {calendar.quarters.map((entry, index) => (
          <Cell key={entry.key} entry={entry} label={`${'一二三四'[index]}季度`} />
        ))}
      </View>
      <Text className='points-calendar__heading'>一年一总结</Text>
      <View className='points-calendar__grid'>
        <Cell entry={calendar.summary} label='年度总结' />
      </View>
      <View className='points-calendar__legend'>
        {legend.map((status) => (
          <Text key={status} className={`points-calendar__chip points-calendar__cell--${status}`}>
            {calendarStatusLabels[status]}
          </Text>
        ))}
      </View>
    </View>
  );
}
