import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { fieldErrorsOf } from "../../../api/field-errors";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import { fiscalYearLabel, formatNumber } from "../../../lib/format";
import { useClusterOptions } from "../../clusters/queries";
import { formatJuristicId } from "../../enterprises/juristic-id";
import type { EnterpriseMatch } from "../../enterprises/queries";
import type { SupportedCluster } from "../model";
import {
  useAddSupportedClusterMutation,
  useAddSupportedEnterpriseMutation,
  useRemoveSupportedClusterMutation,
  useRemoveSupportedEnterpriseMutation,
} from "../mutations";
import { useProgrammeClusters, useProgrammeEnterprises } from "../queries";
import { ConfirmButton } from "../../../components/ConfirmButton";
import { AddClusterMembers } from "./AddClusterMembers";
import { EnterprisePicker } from "./EnterprisePicker";
import { FiscalYearSelect, initialFiscalYear } from "../../../components/FiscalYearSelect";

interface SupportedPanelProps {
  programmeId: string;
  readRecords: boolean;
  canEdit: boolean;
  years: readonly number[];
}

function Notice({ text }: { text: string | null }) {
  return text ? (
    <p className="notice" role="status">
      {text}
    </p>
  ) : null;
}

function AddClusterForm({
  programmeId,
  years,
  onAdded,
}: {
  programmeId: string;
  years: readonly number[];
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const options = useClusterOptions();
  const add = useAddSupportedClusterMutation(programmeId);
  const [fiscalYear, setFiscalYear] = useState<number | null>(initialFiscalYear(years));
  const [clusterId, setClusterId] = useState("");
  const [missing, setMissing] = useState(false);
  const server = fieldErrorsOf(add.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(clusterId === "");
    if (clusterId === "" || fiscalYear === null) return;
    const cluster = (options.data ?? []).find((c) => String(c.id) === clusterId);
    add.mutate(
      { clusterId: Number(clusterId), fiscalYear },
      { onSuccess: () => onAdded(cluster ? localName(locale, cluster) || cluster.code : clusterId) },
    );
  };
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t("programmeAdmin.addCluster")}>
      {add.isError && <ErrorMessage error={add.error} />}
      <div className="form-grid">
        <FiscalYearSelect
          label={t("programmeAdmin.fiscalYear")}
          years={years}
          value={fiscalYear}
          onChange={setFiscalYear}
          error={server.fiscalYear ?? null}
        />
        <FormField
          label={t("programmes.cluster")}
          error={missing ? t("programmeAdmin.chooseCluster") : (server.clusterId ?? null)}
        >
          {(control) => (
            <select
              {...control}
              value={clusterId}
              onChange={(e) => setClusterId(e.target.value)}
              disabled={options.isPending}
            >
              <option value="">{options.isPending ? t("common.loading") : t("programmeAdmin.chooseCluster")}</option>
              {(options.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {localName(locale, c) || c.code}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? t("common.saving") : t("programmeAdmin.addCluster")}
        </button>
      </div>
    </form>
  );
}

function AddFirmForm({
  programmeId,
  years,
  clusters,
  onAdded,
}: {
  programmeId: string;
  years: readonly number[];
  clusters: readonly SupportedCluster[];
  onAdded: (name: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddSupportedEnterpriseMutation(programmeId);
  const [fiscalYear, setFiscalYear] = useState<number | null>(initialFiscalYear(years));
  const [firm, setFirm] = useState<EnterpriseMatch | null>(null);
  const [clusterId, setClusterId] = useState("");
  const [missing, setMissing] = useState(false);
  const server = fieldErrorsOf(add.error);
  const clusterOptions = [...new Map(clusters.map((c) => [c.clusterId, c])).values()];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMissing(firm === null);
    if (firm === null || fiscalYear === null) return;
    const name = localName(locale, firm) || `#${firm.id}`;
    add.mutate(
      { enterpriseId: Number(firm.id), fiscalYear, clusterId: clusterId ? Number(clusterId) : null },
      {
        onSuccess: () => {
          setFirm(null);
          onAdded(name);
        },
      },
    );
  };
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t("programmeAdmin.addFirm")}>
      {add.isError && <ErrorMessage error={add.error} />}
      <div className="form-grid">
        <FiscalYearSelect
          label={t("programmeAdmin.fiscalYear")}
          years={years}
          value={fiscalYear}
          onChange={setFiscalYear}
          error={server.fiscalYear ?? null}
        />
        <FormField label={t("programmeAdmin.throughCluster")} error={server.clusterId ?? null}>
          {(control) => (
            <select {...control} value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
              <option value="">{t("common.none")}</option>
              {clusterOptions.map((c) => (
                <option key={c.clusterId} value={c.clusterId}>
                  {localName(locale, c) || c.code}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <EnterprisePicker
        label={t("programmeAdmin.firm")}
        value={firm}
        onChange={setFirm}
        error={missing ? t("programmeAdmin.chooseFirm") : (server.enterpriseId ?? null)}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? t("common.saving") : t("programmeAdmin.addFirm")}
        </button>
      </div>
    </form>
  );
}

/** The clusters a programme supports per fiscal year, and — for its scope — the firms, one by one; editors add and remove them. */
export function SupportedPanel({ programmeId, readRecords, canEdit, years }: SupportedPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<"cluster" | "firm" | null>(null);
  const [clusterNotice, setClusterNotice] = useState<string | null>(null);
  const [firmNotice, setFirmNotice] = useState<string | null>(null);
  const clusters = useProgrammeClusters(programmeId);
  const firms = useProgrammeEnterprises(programmeId, page, readRecords);
  const removeCluster = useRemoveSupportedClusterMutation(programmeId);
  const removeFirm = useRemoveSupportedEnterpriseMutation(programmeId);
  return (
    <div className="two-columns">
      <section aria-labelledby="supported-clusters">
        <h2 id="supported-clusters">{t("programmes.clustersTitle")}</h2>
        <Notice text={clusterNotice} />
        {removeCluster.isError && <ErrorMessage error={removeCluster.error} />}
        {canEdit &&
          (adding === "cluster" ? (
            <>
              <AddClusterForm
                programmeId={programmeId}
                years={years}
                onAdded={(name) => {
                  setAdding(null);
                  setClusterNotice(t("programmeAdmin.clusterAdded", { name }));
                }}
              />
              <button type="button" className="button button-secondary" onClick={() => setAdding(null)}>
                {t("common.cancel")}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setAdding("cluster");
                setClusterNotice(null);
              }}
            >
              {t("programmeAdmin.addCluster")}
            </button>
          ))}
        <QueryState query={clusters} isEmpty={(items) => items.length === 0} empty={t("programmes.clustersEmpty")}>
          {(items) => (
            <ul className="plain-list" data-testid="supported-clusters">
              {items.map((c) => {
                const name = localName(locale, c) || c.code;
                const year = fiscalYearLabel(c.fiscalYear, locale);
                return (
                  <li key={`${c.clusterId}-${c.fiscalYear}`}>
                    <Link to={`/clusters/${c.clusterId}`}>{name}</Link> <span className="muted small">{year}</span>{" "}
                    {canEdit && (
                      <AddClusterMembers
                        programmeId={programmeId}
                        clusterId={c.clusterId}
                        fiscalYear={c.fiscalYear}
                        name={name}
                        year={year}
                        onAdded={(notice) => {
                          setClusterNotice(null);
                          setFirmNotice(notice);
                        }}
                      />
                    )}{" "}
                    {canEdit && (
                      <ConfirmButton
                        label={t("common.remove")}
                        accessibleLabel={t("programmeAdmin.removeLabel", { name, year })}
                        question={t("programmeAdmin.confirmRemove", { name, year })}
                        confirmLabel={t("programmeAdmin.confirmRemoveYes")}
                        pending={removeCluster.isPending}
                        onConfirm={() => {
                          // The last notice ("… added") is stale from here on, while the removal and the refresh run.
                          setClusterNotice(null);
                          removeCluster.mutate(
                            { clusterId: c.clusterId, fiscalYear: c.fiscalYear },
                            { onSuccess: () => setClusterNotice(t("programmeAdmin.removed", { name, year })) },
                          );
                        }}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="supported-firms">
        <h2 id="supported-firms">{t("programmes.firmsTitle")}</h2>
        <Notice text={firmNotice} />
        {removeFirm.isError && <ErrorMessage error={removeFirm.error} />}
        {canEdit &&
          (adding === "firm" ? (
            <>
              <AddFirmForm
                programmeId={programmeId}
                years={years}
                clusters={clusters.data ?? []}
                onAdded={(name) => {
                  setAdding(null);
                  setFirmNotice(t("programmeAdmin.firmAdded", { name }));
                }}
              />
              <button type="button" className="button button-secondary" onClick={() => setAdding(null)}>
                {t("common.cancel")}
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setAdding("firm");
                setFirmNotice(null);
              }}
            >
              {t("programmeAdmin.addFirm")}
            </button>
          ))}
        {readRecords ? (
          <QueryState query={firms} isEmpty={(p) => p.items.length === 0} empty={t("programmes.firmsEmpty")}>
            {(p) => (
              <>
                <p className="muted small" data-testid="supported-firms-count">
                  {t("programmes.firmsListed", { count: p.firms, n: formatNumber(p.firms, locale) })}
                  {p.total !== p.firms &&
                    ` ${t("programmes.firmsListedEntries", { rows: formatNumber(p.total, locale) })}`}
                </p>
                <ul className="plain-list" data-testid="supported-firms">
                  {p.items.map((e) => {
                    const name = localName(locale, e) || `#${e.enterpriseId}`;
                    const year = fiscalYearLabel(e.fiscalYear, locale);
                    return (
                      <li key={`${e.enterpriseId}-${e.fiscalYear}`}>
                        <Link to={`/enterprises/${e.enterpriseId}`}>{name}</Link>{" "}
                        <span className="muted small">
                          {e.juristicId ? `${formatJuristicId(e.juristicId)} · ` : ""}
                          {year}
                        </span>{" "}
                        {canEdit && (
                          <ConfirmButton
                            label={t("common.remove")}
                            accessibleLabel={t("programmeAdmin.removeLabel", { name, year })}
                            question={t("programmeAdmin.confirmRemove", { name, year })}
                            confirmLabel={t("programmeAdmin.confirmRemoveYes")}
                            pending={removeFirm.isPending}
                            onConfirm={() => {
                              setFirmNotice(null);
                              removeFirm.mutate(
                                { enterpriseId: e.enterpriseId, fiscalYear: e.fiscalYear },
                                { onSuccess: () => setFirmNotice(t("programmeAdmin.removed", { name, year })) },
                              );
                            }}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
                <Pagination page={p.page} pageSize={p.pageSize} total={p.total} onPage={setPage} />
              </>
            )}
          </QueryState>
        ) : (
          <p className="muted">{t("programmes.firmsHidden")}</p>
        )}
      </section>
    </div>
  );
}
