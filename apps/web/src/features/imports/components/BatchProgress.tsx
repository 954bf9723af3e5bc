import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { isFailureReason } from "../model";
import { useImportBatch } from "../queries";
import { ImportReportView } from "./ImportReportView";

interface BatchProgressProps {
  batchId: string;
  fileName: string;
  onFinished: () => void;
  onStartOver: () => void;
}

/** Step 3 and 4: the running import's progress (polled every second), then its report. */
export function BatchProgress({ batchId, fileName, onFinished, onStartOver }: BatchProgressProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const batch = useImportBatch(batchId);
  const progressId = useId();
  const announced = useRef(false);
  const status = batch.data?.status;

  useEffect(() => {
    if ((status === "done" || status === "failed") && !announced.current) {
      announced.current = true;
      onFinished();
    }
  }, [status, onFinished]);

  if (batch.isPending) return <Loading />;
  if (batch.isError) return <ErrorMessage error={batch.error} onRetry={() => void batch.refetch()} />;
  const data = batch.data;
  const startOver = (
    <div className="form-actions">
      <button type="button" className="button button-secondary" onClick={onStartOver}>
        {t("imports.startOver")}
      </button>
    </div>
  );

  if (data.status === "failed") {
    return (
      <section className="panel">
        <div className="alert alert-error" role="alert">
          <p>{t("imports.failed")}</p>
          {data.errorCode && isFailureReason(data.errorCode) ? (
            <p>{t(`imports.failureReasons.${data.errorCode}`)}</p>
          ) : (
            data.error && <p>{data.error}</p>
          )}
        </div>
        {data.report && <ImportReportView report={data.report} fileName={fileName} />}
        {startOver}
      </section>
    );
  }

  if (data.status === "done" && data.report) {
    return (
      <section className="panel">
        <ImportReportView report={data.report} fileName={fileName} />
        {startOver}
      </section>
    );
  }

  const { rowsRead, bytesRead } = data.progress;
  // Unknown (null) until the file's size is known: the bar then runs without a measure.
  const totalBytes = data.progress.totalBytes ?? 0;
  const kb = (bytes: number) => t("imports.bytesUnit", { value: formatNumber(Math.ceil(bytes / 1024), locale) });
  return (
    <section className="panel" aria-busy="true">
      <h2>{t("imports.stepNames.run")}</h2>
      <div className="progress-block">
        <label htmlFor={progressId}>{t("imports.running", { rows: formatNumber(rowsRead, locale) })}</label>
        {totalBytes > 0 ? (
          <progress id={progressId} max={totalBytes} value={Math.min(bytesRead, totalBytes)} />
        ) : (
          <progress id={progressId} />
        )}
        {totalBytes > 0 && (
          <p className="muted small" aria-live="polite">
            {t("imports.bytes", { read: kb(bytesRead), total: kb(totalBytes) })}
          </p>
        )}
      </div>
    </section>
  );
}
