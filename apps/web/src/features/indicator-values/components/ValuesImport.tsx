import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../../../api/client";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { pickLocalized } from "../../../lib/bilingual";
import { BatchProgress } from "../../imports/components/BatchProgress";
import { importStartedSchema } from "@sainam/contract";
import { isImportFile } from "../../imports/model";
import { uploadImportFile, type Upload } from "../../imports/upload";
import { usePlans } from "../../plans/queries";
import { valueKeys } from "../queries";

type Layout = "auto" | "long" | "wide";

/**
 * Imports indicator values into a plan from a CSV or XLSX file, long or wide (one column per year); the
 * columns are matched from their Thai or English headers, then the import runs all or nothing and the
 * row report (the import wizard's) says what happened to each row.
 */
export function ValuesImport({ initialPlanId }: { initialPlanId: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | null>(initialPlanId);
  const [layout, setLayout] = useState<Layout>("auto");
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [batch, setBatch] = useState<{ id: string; fileName: string } | null>(null);
  const upload = useRef<Upload | null>(null);
  const ids = { plan: useId(), layout: useId(), file: useId() };
  useEffect(() => () => upload.current?.abort(), []);

  if (plans.isPending) return <Loading />;
  if (plans.isError) return <ErrorMessage error={plans.error} onRetry={() => void plans.refetch()} />;
  const plan = planId ?? plans.data[0]?.id ?? null;

  if (batch) {
    return (
      <BatchProgress
        batchId={batch.id}
        fileName={batch.fileName}
        onFinished={() => void queryClient.invalidateQueries({ queryKey: valueKeys.all })}
        onStartOver={() => setBatch(null)}
      />
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file || !isImportFile(file.name)) {
      setFileError(t(file ? "imports.wrongType" : "imports.chooseFile"));
      return;
    }
    if (!plan) return;
    setFileError(null);
    setError(null);
    setBusy(true);
    const started = uploadImportFile("indicator_values", file, () => undefined);
    upload.current = started;
    started.done
      .then(async (preview) => {
        const chosen = layout === "auto" ? (preview.suggestedLayout === "wide" ? "wide" : "long") : layout;
        const run = await apiSend(
          "POST",
          `/api/imports/${encodeURIComponent(preview.batchId)}/run`,
          { mapping: preview.savedMapping ?? preview.suggestedMapping, planId: Number(plan), layout: chosen },
          importStartedSchema,
        );
        setBatch({ id: String(run.batchId), fileName: file.name });
      })
      .catch((cause: unknown) => setError(cause))
      .finally(() => {
        upload.current = null;
        setBusy(false);
      });
  };

  return (
    <form className="form panel" onSubmit={submit} noValidate>
      {error !== null && <ErrorMessage error={error} />}
      <div className="field">
        <label htmlFor={ids.plan}>{t("values.plan")}</label>
        <select id={ids.plan} value={plan ?? ""} onChange={(e) => setPlanId(e.target.value)} disabled={busy}>
          {plans.data.map((p) => (
            <option key={p.id} value={p.id}>{`${p.code} — ${pickLocalized(locale, p.titleTh, p.titleEn)}`}</option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t("values.layout")}</legend>
        <div className="radio-row">
          {(["auto", "long", "wide"] as const).map((option) => (
            <label key={option} className="check">
              <input
                type="radio"
                name={ids.layout}
                value={option}
                checked={layout === option}
                disabled={busy}
                onChange={() => setLayout(option)}
              />
              {t(`values.layouts.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.file}>{t("imports.file")}</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,.xlsx"
          disabled={busy}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        <p className="hint">{t("values.importHint")}</p>
        {fileError && <p className="field-error">{fileError}</p>}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("common.saving") : t("values.importRun")}
        </button>
      </div>
    </form>
  );
}
