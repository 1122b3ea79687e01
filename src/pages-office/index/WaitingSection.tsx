import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OverviewView } from '../../contract/admin';
import { LinkRow } from '../../components/LinkRow';
import { Section } from '../../components/Section';

const items = [
  { key: 'plans', id: 'waiting-plans', text: '待审阅的工作方案', url: '/pages-office/plans/index' },
  { key: 'feedback', id: 'waiting-feedback', text: '待答复的投诉建议', url: '/pages-office/feedback/index' },
  { key: 'records', id: 'waiting-records', text: '待核查的记录', url: '/pages-office/checks/index' },
] as const;

/**
 * 待办 on the office workbench: what waits for this office, with counts, each opening where it is
 * done; party leaders waiting for approval are approved or refused right here (LeaderRequestsSection).
 */
export function WaitingSection({ waiting }: { readonly waiting: OverviewView['waiting'] }) {
  const open = items.filter((item) => waiting[item.key] > 0);
  const leaders = waiting.leaders > 0 ? <LinkRow id='waiting-leaders' text='待审核的组织负责人' detail={`${waiting.leaders} 项`} onTap={() => void Taro.pageScrollTo({ selector: '#leader-requests', duration: 300 })} /> : null;
  return (
    <Section id='office-waiting' title='待办'>
      {leaders}
      {open.length === 0 && !leaders ? (
        <View className='card' id='waiting-none'>
          <Text className='card__text'>目前没有等待本办处理的事项。</Text>
        </View>
      ) : (
        open.map((item) => <LinkRow key={item.key} id={item.id} text={item.text} detail={`${waiting[item.key]} 项`} onTap={() => void Taro.navigateTo({ url: item.url })} />)
      )}
    </Section>
  );
}
