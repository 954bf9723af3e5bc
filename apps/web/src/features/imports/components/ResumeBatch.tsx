import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/QueryState";
import { isImportKind, type ImportKind, type UploadAnswer } from "../model";
import { useImportBatch, useImportPreview } from "../queries";

interface ResumeBatchProps {
  batchId: string;
  /** The batch can run: continue at the mapping step with its preview. */
  onPreview: (kind: ImportKind, fileName: string, preview: UploadAnswer) => void;
  /** The batch runs or ran: show its progress or report. */
  onShow: (fileName: string) => void;
}

/**
 * Opens a batch chosen from the history: one that can run (uploaded, or interrupted with its file kept) goes
 * back to the mapping step with its preview; any other shows its progress or report.
 */
export function ResumeBatch({ batchId, onPreview, onShow }: ResumeBatchProps) {
  const { t } = useTranslation();
  const batch = useImportBatch(batchId);
  const data = batch.data;
  const resumable = data !== undefined && data.canRunAgain && isImportKind(data.kind);
  const preview = useImportPreview(batchId, resumable);

  useEffect(() => {
    if (!data) return;
    if (resumable && preview.data && isImportKind(data.kind)) onPreview(data.kind, data.fileName, preview.data);
    else if (!data.canRunAgain) onShow(data.fileName);
  }, [data, resumable, preview.data, onPreview, onShow]);

  if (batch.isError) return <ErrorMessage error={batch.error} />;
  if (preview.isError) return <ErrorMessage error={preview.error} onRetry={() => void preview.refetch()} />;
  if (data && data.canRunAgain && !resumable) {
    // Indicator values are run from the values import page, which starts from a new upload.
    return (
      <div className="alert alert-info" role="status">
        <p>{t("imports.history.runFromValues")}</p>
        <Link to="/values/import">{t("imports.history.toValuesImport")}</Link>
      </div>
    );
  }
  return <Loading />;
}
