import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../api/client";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { NotAvailable } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { formatNumber } from "../../../lib/format";
import { useClusterOptions } from "../../clusters/queries";
import {
  IMPORT_FIELDS,
  initialMapping,
  isWholeFileKind,
  type ColumnMapping,
  type ImportField,
  type ImportKind,
  type UploadAnswer,
} from "../model";
import { useRunImportMutation } from "../mutations";
import { TableScroll } from "../../../components/TableScroll";

interface MappingStepProps {
  kind: ImportKind;
  fileName: string;
  preview: UploadAnswer;
  onBack: () => void;
  onStarted: (batchId: string) => void;
}

/** Step 2: what the server read from the file, a sample of its rows, and which column fills each field. */
export function MappingStep({ kind, fileName, preview, onBack, onStarted }: MappingStepProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const run = useRunImportMutation();
  const clusterKind = kind === "memberships" || kind === "linkages";
  const clusters = useClusterOptions(clusterKind);
  const [mapping, setMapping] = useState<ColumnMapping>(() => initialMapping(kind, preview));
  const [clusterId, setClusterId] = useState("");
  const [strict, setStrict] = useState(false);
  const [empty, setEmpty] = useState(false);
  const ids = { cluster: useId(), clusterHint: useId(), strict: useId(), strictHint: useId(), mapping: useId() };
  const fields: readonly ImportField[] = IMPORT_FIELDS[kind];

  const setField = (field: ImportField, header: string) =>
    setMapping((current) => {
      const next: ColumnMapping = { ...current };
      if (header) next[field] = header;
      else delete next[field];
      return next;
    });

  const start = () => {
    if (Object.keys(mapping).length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    run.mutate(
      { batchId: preview.batchId, mapping, clusterId: clusterId || null, strict },
      { onSuccess: (answer) => onStarted(String(answer.batchId)) },
    );
  };

  return (
    <section className="panel">
      <h2>{t("imports.stepNames.preview")}</h2>
      <dl className="facts">
        <div>
          <dt>{t("imports.file")}</dt>
          <dd className="break">{fileName}</dd>
        </div>
        <div>
          <dt>{t("imports.kind")}</dt>
          <dd>{t(`imports.kinds.${kind}`)}</dd>
        </div>
        <div>
          <dt>{t("imports.format")}</dt>
          <dd>{preview.format ? preview.format.toUpperCase() : t("common.none")}</dd>
        </div>
        <div>
          <dt>{t("imports.encoding")}</dt>
          <dd>{preview.encoding ?? t("common.none")}</dd>
        </div>
        <div>
          <dt>{t("imports.headerRow")}</dt>
          <dd>
            {preview.headerRowNumber === null
              ? t("common.none")
              : t("imports.headerRowValue", { n: formatNumber(preview.headerRowNumber, locale) })}
          </dd>
        </div>
      </dl>
      <h3>{t("imports.sample")}</h3>
      {preview.sampleRows.length === 0 ? (
        <p className="muted">{t("imports.noSample")}</p>
      ) : (
        <TableScroll label={t("imports.sample")} className="sample-table">
          <table className="table">
            <caption className="visually-hidden">{t("imports.sample")}</caption>
            <thead>
              <tr>
                {preview.headers.map((header, index) => (
                  <th key={`${header}-${index}`} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sampleRows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {preview.headers.map((_, index) => (
                    <td key={index}>{row[index] ?? ""}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 id={ids.mapping}>{t("imports.mapping")}</h3>
      <p className="muted">{t("imports.mappingHint")}</p>
      <p className="small">{preview.savedMapping ? t("imports.usingSaved") : t("imports.usingSuggested")}</p>
      {empty && (
        <div className="alert alert-error" role="alert">
          <p>{t("imports.mappingEmpty")}</p>
        </div>
      )}
      <TableScroll label={t("imports.mapping")}>
        <table className="table mapping-table" aria-labelledby={ids.mapping}>
          <thead>
            <tr>
              <th scope="col">{t("imports.field")}</th>
              <th scope="col">{t("imports.column")}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <MappingRow
                key={field}
                field={field}
                headers={preview.headers}
                value={mapping[field] ?? ""}
                onChange={(header) => setField(field, header)}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="form-grid options-grid">
        {clusterKind && (
          <div className="field">
            <label htmlFor={ids.cluster}>{t("imports.targetCluster")}</label>
            <select
              id={ids.cluster}
              aria-describedby={ids.clusterHint}
              value={clusterId}
              onChange={(e) => setClusterId(e.target.value)}
            >
              <option value="">{t("imports.fromFile")}</option>
              {clusters.data?.map((c) => (
                <option key={c.id} value={c.id}>
                  {`${localName(locale, c) || c.code} (${c.code})`}
                </option>
              ))}
            </select>
            <p id={ids.clusterHint} className="hint">
              {t("imports.targetClusterHint")}
            </p>
          </div>
        )}
        {isWholeFileKind(kind) ? (
          <p className="hint">{t("imports.wholeFileHint")}</p>
        ) : (
          <div className="field">
            <span className="check">
              <input
                id={ids.strict}
                type="checkbox"
                checked={strict}
                aria-describedby={ids.strictHint}
                onChange={(e) => setStrict(e.target.checked)}
              />
              <label htmlFor={ids.strict}>{t("imports.strict")}</label>
            </span>
            <p id={ids.strictHint} className="hint">
              {t("imports.strictHint")}
            </p>
          </div>
        )}
      </div>
      {run.isError &&
        (isApiError(run.error) && run.error.status === 404 && /No route/.test(run.error.message) ? (
          <NotAvailable>{t("imports.notAvailable")}</NotAvailable>
        ) : (
          <ErrorMessage error={run.error} />
        ))}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onBack} disabled={run.isPending}>
          {t("imports.back")}
        </button>
        <button type="button" className="button button-primary" onClick={start} disabled={run.isPending}>
          {run.isPending ? t("imports.starting") : t("imports.run")}
        </button>
      </div>
    </section>
  );
}

function MappingRow({
  field,
  headers,
  value,
  onChange,
}: {
  field: ImportField;
  headers: readonly string[];
  value: string;
  onChange: (header: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <tr data-field={field}>
      <th scope="row">
        <label htmlFor={id}>{t(`imports.fields.${field}`)}</label>
      </th>
      <td>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t("imports.notMapped")}</option>
          {[...new Set(headers)].filter(Boolean).map((header) => (
            <option key={header} value={header}>
              {header}
            </option>
          ))}
        </select>
      </td>
    </tr>
  );
}
