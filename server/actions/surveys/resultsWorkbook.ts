import { choiceIds, choiceLabels } from '../../../src/domain/surveys/form';
import { respondentGroupIds, respondentGroups } from '../../../src/domain/surveys/groups';
import { CHOICE_VALUES } from '../../../src/domain/surveys/points';
import { endLabel, roundLabel, roundPhaseLabels } from '../../../src/domain/surveys/round';
import type { RoundPhase } from '../../../src/domain/surveys/round';
import type { ResultsView } from '../../../src/contract/surveys';
import type { SurveyRoundDocument } from '../../db/surveyDocuments';

/**
 * A round's results as an .xlsx workbook, built from the same views the pages show — so an export
 * never holds more than a page would (no identities, no times, hidden groups as counts only).
 * exceljs is loaded on first use: it takes about a second to load, and respondents answering through
 * the same function should not wait for it on a cold start.
 */
export async function resultsWorkbook(round: SurveyRoundDocument, phase: RoundPhase, pairings: readonly ResultsView[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '共建';
  const bold = { font: { bold: true } };

  const summary = workbook.addWorksheet('汇总');
  summary.columns = [
    { header: '被评议单位', key: 'unit', width: 28 },
    { header: '结对组织', key: 'org', width: 32 },
    ...respondentGroupIds.map((group) => ({ header: `${respondentGroups[group]}（份）`, key: group, width: 16 })),
    { header: '合计（份）', key: 'total', width: 12 },
    { header: `评议积分（满分 ${round.maxPoints}）`, key: 'points', width: 18 },
  ];
  for (const pairing of pairings) {
    const counts = Object.fromEntries(pairing.groups.map((group) => [group.group, group.responses]));
    summary.addRow({ unit: pairing.unitName, org: pairing.orgName, ...counts, total: pairing.total, points: pairing.points?.value ?? (phase === 'closed' ? '无答卷' : '评议结束后计算') });
  }
  summary.getRow(1).font = bold.font;

  const items = workbook.addWorksheet('分项结果');
  items.columns = [
    { header: '被评议单位', key: 'unit', width: 28 },
    { header: '分组', key: 'group', width: 16 },
    { header: '题目', key: 'item', width: 24 },
    ...choiceIds.map((choice) => ({ header: choiceLabels[choice], key: choice, width: 10 })),
    { header: '得分（0–100）', key: 'score', width: 14 },
  ];
  for (const pairing of pairings) {
    for (const group of pairing.groups) {
      if (!group.shown || !group.items) continue;
      for (const item of group.items) items.addRow({ unit: pairing.unitName, group: respondentGroups[group.group], item: item.title, ...item.counts, score: item.score ?? '' });
    }
  }
  items.getRow(1).font = bold.font;

  const comments = workbook.addWorksheet('意见建议');
  comments.columns = [
    { header: '被评议单位', key: 'unit', width: 28 },
    { header: '意见建议（不含分组、身份和时间）', key: 'comment', width: 80 },
  ];
  for (const pairing of pairings) for (const comment of pairing.comments ?? []) comments.addRow({ unit: pairing.unitName, comment });
  comments.getRow(1).font = bold.font;

  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ header: '项目', key: 'name', width: 20 }, { header: '内容', key: 'value', width: 90 }];
  const values = choiceIds.map((choice) => `${choiceLabels[choice]} ${CHOICE_VALUES[choice]}`).join('，');
  const weights = respondentGroupIds.map((group) => `${respondentGroups[group]} ${round.weights[group]}`).join('，');
  const rows: Array<[string, string]> = [
    ['评议', `${roundLabel(round.year, round.period)}（${round.scopeName}）`],
    ['状态', roundPhaseLabels[phase]],
    ['截止时间', `${round.endDate.slice(0, 4)}年${endLabel(round.endDate)}`],
    ['选项分值', values],
    ['分组权重', weights],
    ['积分公式', `积分 = 满分 ${round.maxPoints} × Σ(权重 × 分组得分) ÷ Σ(有答卷分组的权重)；分组得分为该组全部答卷各题分值的平均数`],
    ['公开规则', `分组答卷满 ${round.threshold} 份且评议结束后才显示分项结果；企业主分组只计入积分、不单独显示；不足时只显示份数`],
    ['匿名', '答卷只以汇总计数保存，与防重复标记分开存放、无法关联；本表不含任何答题人身份或答题时间'],
  ];
  for (const [name, value] of rows) notes.addRow({ name, value });
  notes.getRow(1).font = bold.font;

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
