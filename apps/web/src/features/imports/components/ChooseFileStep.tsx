import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../api/client";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { NotAvailable } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { IMPORT_KINDS, isImportFile, type ImportKind, type UploadAnswer } from "../model";
import { uploadImportFile, type Upload } from "../upload";

interface ChooseFileStepProps {
  onUploaded: (kind: ImportKind, fileName: string, preview: UploadAnswer) => void;
}

/** Step 1: what the file holds, the file itself, and its upload with a progress bar. */
export function ChooseFileStep({ onUploaded }: ChooseFileStepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [kind, setKind] = useState<ImportKind>("enterprises");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const upload = useRef<Upload | null>(null);
  const ids = { file: useId(), fileHint: useId(), fileError: useId(), progress: useId(), kind: useId() };

  useEffect(() => () => upload.current?.abort(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setFileError(t("imports.chooseFile"));
      return;
    }
    if (!isImportFile(file.name)) {
      setFileError(t("imports.wrongType"));
      return;
    }
    setFileError(null);
    setError(null);
    setProgress(0);
    const started = uploadImportFile(kind, file, ({ loaded, total }) => setProgress(total > 0 ? loaded / total : 0));
    upload.current = started;
    started.done.then(
      (preview) => {
        upload.current = null;
        setProgress(null);
        onUploaded(kind, file.name, preview);
      },
      (cause: unknown) => {
        upload.current = null;
        setProgress(null);
        if (cause instanceof DOMException && cause.name === "AbortError") return;
        setError(cause);
      },
    );
  };

  const uploading = progress !== null;
  const missingRoute = isApiError(error) && error.status === 404;

  return (
    <form className="form panel" onSubmit={submit} noValidate>
      <h2>{t("imports.stepNames.choose")}</h2>
      {missingRoute ? (
        <NotAvailable>{t("imports.notAvailable")}</NotAvailable>
      ) : (
        error !== null && <ErrorMessage error={error} />
      )}
      <fieldset>
        <legend>{t("imports.kind")}</legend>
        <div className="radio-row">
          {IMPORT_KINDS.map((option) => (
            <label key={option} className="check">
              <input
                type="radio"
                name={ids.kind}
                value={option}
                checked={kind === option}
                disabled={uploading}
                onChange={() => setKind(option)}
              />
              {t(`imports.kinds.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.file}>{t("imports.file")}</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={uploading}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${ids.fileError} ${ids.fileHint}` : ids.fileHint}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        <p id={ids.fileHint} className="hint">
          {t("imports.fileHint")}
          {file &&
            ` · ${file.name} (${t("imports.bytesUnit", { value: formatNumber(Math.ceil(file.size / 1024), locale) })})`}
        </p>
        {fileError && (
          <p id={ids.fileError} className="field-error">
            {fileError}
          </p>
        )}
      </div>
      {uploading && (
        <div className="progress-block">
          <label htmlFor={ids.progress}>
            {t("imports.uploading", { percent: formatNumber(progress, locale, { style: "percent" }) })}
          </label>
          <progress id={ids.progress} max={1} value={progress} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={uploading}>
          {t("imports.upload")}
        </button>
        {uploading && (
          <button type="button" className="button button-secondary" onClick={() => upload.current?.abort()}>
            {t("imports.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
