import { useState } from 'react';
import type { ExportedFile } from '../../contract/points';
import { callAction } from '../../client/callAction';

export interface ExportState {
  readonly busy: boolean;
  /** done of total, for the progress bar of a long export. */
  readonly progress: { readonly done: number; readonly total: number } | null;
  readonly files: ReadonlyArray<ExportedFile & { readonly unitName?: string }>;
  readonly error: string | null;
}

const idle: ExportState = { busy: false, progress: null, files: [], error: null };

/** The points table (one call) and every unit's record book (a few units per call, with progress). */
export function useExports(scope: { readonly year?: number; readonly streetId?: string }) {
  const [state, setState] = useState<ExportState>(idle);

  async function exportTable() {
    setState({ ...idle, busy: true, progress: { done: 0, total: 1 } });
    const result = await callAction('points.exportTable', scope);
    setState(result.ok ? { ...idle, progress: { done: 1, total: 1 }, files: [result.data] } : { ...idle, error: result.error.message });
  }

  async function exportRecordBooks(unitIds?: readonly string[]) {
    setState({ ...idle, busy: true, progress: { done: 0, total: unitIds?.length ?? 0 } });
    const files: Array<ExportedFile & { unitName?: string }> = [];
    let offset = 0;
    for (;;) {
      const result = await callAction('points.exportRecordBooks', { ...scope, offset, ...(unitIds ? { unitIds: [...unitIds] } : {}) });
      if (!result.ok) {
        setState({ busy: false, progress: null, files, error: result.error.message });
        return;
      }
      files.push(...result.data.files);
      offset = result.data.done;
      const finished = result.data.done >= result.data.total;
      setState({ busy: !finished, progress: { done: result.data.done, total: result.data.total }, files: [...files], error: null });
      if (finished) return;
    }
  }

  return { state, exportTable, exportRecordBooks };
}
