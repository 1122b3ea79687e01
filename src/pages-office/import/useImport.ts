import { useRef, useState } from 'react';
import type { ImportProgressView, ImportReportView } from '../../contract/admin';
import { callAction } from '../../client/callAction';
import { pickDocument, uploadDocument } from '../../client/documents';

/** The import as the page walks it: pick → upload → dry run (report) → commit (progress) → done. */
export type ImportStep =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly fileName: string }
  | { readonly kind: 'checking'; readonly fileName: string }
  | { readonly kind: 'report'; readonly report: ImportReportView }
  | { readonly kind: 'committing'; readonly report: ImportReportView; readonly progress: ImportProgressView | null }
  | { readonly kind: 'done'; readonly report: ImportReportView; readonly progress: ImportProgressView };

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Chunk transactions per commit call: small, so the progress moves. */
const CHUNKS_PER_CALL = 4;

export function useImport() {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const [error, setError] = useState<string | undefined>(undefined);
  const running = useRef(false);

  async function chooseAndCheck() {
    if (running.current) return;
    setError(undefined);
    const file = await pickDocument(['xlsx', 'csv']);
    if (!file) return;
    running.current = true;
    try {
      setStep({ kind: 'uploading', fileName: file.name });
      const uploaded = await uploadDocument(file, 'imports', { maxBytes: MAX_IMPORT_BYTES, tooLarge: '文件不能超过 10 MB：请删去无关的工作表，或分成几个文件' });
      if (!uploaded.ok) {
        setError(uploaded.error.message);
        setStep({ kind: 'idle' });
        return;
      }
      setStep({ kind: 'checking', fileName: file.name });
      const checked = await callAction('admin.importDryRun', { fileId: uploaded.data.fileID, fileName: file.name });
      if (!checked.ok) {
        setError(checked.error.message);
        setStep({ kind: 'idle' });
        return;
      }
      setStep({ kind: 'report', report: checked.data });
    } finally {
      running.current = false;
    }
  }

  async function commit() {
    if (step.kind !== 'report' || !step.report.canCommit || running.current) return;
    running.current = true;
    const report = step.report;
    setError(undefined);
    setStep({ kind: 'committing', report, progress: null });
    try {
      for (;;) {
        const result = await callAction('admin.importCommit', { importId: report.importId, maxChunks: CHUNKS_PER_CALL });
        if (!result.ok) {
          setError(result.error.message);
          setStep({ kind: 'report', report });
          return;
        }
        const progress = result.data;
        if (progress.state === 'committing' || progress.state === 'rollingBack') {
          setStep({ kind: 'committing', report, progress });
          continue;
        }
        setStep({ kind: 'done', report, progress });
        return;
      }
    } finally {
      running.current = false;
    }
  }

  function reset() {
    setError(undefined);
    setStep({ kind: 'idle' });
  }

  return { step, error, chooseAndCheck, commit, reset };
}
