import { render, screen } from '@testing-library/react';
import type { ImportProgressView, ImportReportView } from '../../src/contract/admin';
import { CommitProgress } from '../../src/pages-office/import/CommitProgress';

/** The commit's progress in rows (已导入 x / y 行) with a bar, from the chunks the dry run reported. */
const totals = { rows: 50, errorRows: 0, changedRows: 50, unchangedRows: 0, unitsCreated: 50, unitsUpdated: 0, orgsCreated: 50, orgsUpdated: 0, pairingsCreated: 50, pairingsUpdated: 0, pairingsEnded: 0 };
const report: ImportReportView = {
  importId: 'import-9',
  state: 'ready',
  fileName: '结对表.xlsx',
  format: 'xlsx',
  year: 2026,
  fileProblems: [],
  warnings: [],
  totals,
  rows: [],
  rowsOmitted: 0,
  canCommit: true,
  chunks: 3,
  chunkRows: [20, 20, 10],
};
const progress = (state: ImportProgressView['state'], applied: number): ImportProgressView => ({ importId: 'import-9', state, applied, total: 3, message: null, totals });

function bar(): HTMLElement {
  return document.querySelector('#import-progress .import-progress__bar') as HTMLElement;
}

it('shows 已导入 x / y 行 and a bar as the chunks are applied', () => {
  const { rerender } = render(<CommitProgress report={report} progress={null} />);
  expect(screen.getByText('正在开始导入（共 50 行）…')).toBeTruthy();
  expect(bar().style.width).toBe('0%');
  rerender(<CommitProgress report={report} progress={progress('committing', 1)} />);
  expect(screen.getByText('已导入 20 / 50 行（40%）')).toBeTruthy();
  expect(bar().style.width).toBe('40%');
  rerender(<CommitProgress report={report} progress={progress('committing', 3)} />);
  expect(screen.getByText('已导入 50 / 50 行（100%）')).toBeTruthy();
  expect(screen.getByRole('progressbar').getAttribute('aria-label')).toBe('已导入 100%');
});

it('shows how much is left to undo while a failed import is rolled back', () => {
  render(<CommitProgress report={report} progress={progress('rollingBack', 1)} />);
  expect(screen.getByText('导入失败，正在撤销已写入的部分：还剩 20 行…')).toBeTruthy();
  expect(bar().style.width).toBe('40%');
});
