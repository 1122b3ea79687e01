import Taro from '@tarojs/taro';
import { LinkRow } from '../../components/LinkRow';
import { Section } from '../../components/Section';

const links = [
  { id: 'go-paper-record', text: '补录纸质记录', url: '/pages-office/paper-record/index' },
  { id: 'go-checks', text: '签到核查（有提示的记录）', url: '/pages-office/checks/index' },
  { id: 'go-points-table', text: '积分表与数据看板', url: '/pages-office/points/index' },
  { id: 'go-bulletins', text: '季度督办通报', url: '/pages-office/bulletins/index' },
  { id: 'go-assessment', text: '年度考核与表彰', url: '/pages-office/assessment/index' },
  { id: 'go-surveys', text: '评议（匿名问卷）', url: '/pages-office/surveys/index' },
] as const;

/** 督办与考核 on the office home: paper records (补录), the records to check (also in 待办 when some wait), points, bulletins, the annual assessment and evaluation rounds. */
export function WorkSection() {
  return (
    <Section id='office-work' title='督办与考核'>
      {links.map((link) => (
        <LinkRow key={link.id} id={link.id} text={link.text} onTap={() => void Taro.navigateTo({ url: link.url })} />
      ))}
    </Section>
  );
}
