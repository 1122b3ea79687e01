import Taro from '@tarojs/taro';
import type { Grant } from '../../contract/people';
import { subjectOf } from '../../domain/access/policy';
import { LinkRow } from '../../components/LinkRow';
import { Section } from '../../components/Section';

interface MoreLink {
  readonly id: string;
  readonly text: string;
  readonly url: string;
}

/** Where each kind of person goes beyond today's work: points, evaluations, bulletins, plans. */
export function moreLinks(grants: readonly Grant[]): MoreLink[] {
  const subject = subjectOf(grants);
  const unitSide = subject.unitIds.length > 0;
  const unitHead = subject.headOfUnitIds.length > 0;
  const leaderOrgs = subject.orgIds;
  const streetOffice = subject.streetIds.length > 0;
  const links: MoreLink[] = [];
  if (unitSide || leaderOrgs.length > 0) links.push({ id: 'go-activities', text: '季度联合活动', url: '/pages-more/activities/index' });
  if (unitSide) links.push({ id: 'go-points', text: '我的积分与年度节奏', url: '/pages-more/points/index' });
  if (unitHead) links.push({ id: 'go-self-assessment', text: '年度自评', url: '/pages-more/points/self-assessment/index' });
  if (unitSide) links.push({ id: 'go-bulletins', text: '督办通报', url: '/pages-more/points/bulletins/index' });
  if (unitSide || leaderOrgs.length > 0) links.push({ id: 'go-survey-results', text: '评议结果', url: '/pages-more/survey-results/index' });
  if (leaderOrgs.length > 0) links.push({ id: 'go-survey-links', text: '发放评议链接', url: '/pages/survey/links/index' });
  if (unitSide || streetOffice) links.push({ id: 'go-plan', text: '结对共建工作方案', url: '/pages-more/plan/index' });
  for (const orgId of leaderOrgs) links.push({ id: `go-org-${orgId}`, text: '本组织信息', url: `/pages-office/org/index?id=${orgId}` });
  return links;
}

export function MoreSection({ grants }: { readonly grants: readonly Grant[] }) {
  const links = moreLinks(grants);
  if (links.length === 0) return null;
  return (
    <Section id='more' title='更多'>
      {links.map((link) => (
        <LinkRow key={link.id} id={link.id} text={link.text} onTap={() => void Taro.navigateTo({ url: link.url })} />
      ))}
    </Section>
  );
}
