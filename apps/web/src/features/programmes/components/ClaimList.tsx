import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Pagination } from "../../../components/Pagination";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { fiscalYearLabel } from "../../../lib/format";
import { formatBaht, isVerification, type CreateClaimResult } from "../model";
import { useVerifyClaimMutation } from "../mutations";
import { useProgrammeClaims } from "../queries";
import { ClaimForm } from "./ClaimForm";
import { TableScroll } from "../../../components/TableScroll";

/** A programme's value claims with their verification state; editors record claims, verify / reject where the caller may. */
export function ClaimList({
  programmeId,
  readRecords,
  canEdit,
  years,
}: {
  programmeId: string;
  readRecords: boolean;
  canEdit: boolean;
  years: readonly number[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const claims = useProgrammeClaims(programmeId, page, readRecords);
  const verify = useVerifyClaimMutation(programmeId);
  // In English the server's own sentence is shown; in Thai the same facts (the claim it is linked to) in Thai.
  const recorded = (result: CreateClaimResult) => {
    setAdding(false);
    if (locale === "en") setNotice(result.message);
    else if (result.outcome === "linked")
      setNotice(t("programmeAdmin.claimLinked", { id: result.claim.id, count: result.claim.programmeIds.length }));
    else setNotice(t("programmeAdmin.claimCreated", { id: result.claim.id }));
  };
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">{t("programmes.claimsTitle")}</h2>
      {notice && (
        <p className="notice" role="status" data-testid="claim-notice">
          {notice}
        </p>
      )}
      {canEdit &&
        (adding ? (
          <ClaimForm programmeId={programmeId} years={years} onRecorded={recorded} onCancel={() => setAdding(false)} />
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            {t("programmeAdmin.recordClaim")}
          </button>
        ))}
      {!readRecords ? (
        <p className="muted">{t("programmes.claimsHidden")}</p>
      ) : (
        <QueryState query={claims} isEmpty={(p) => p.items.length === 0} empty={t("programmes.claimsEmpty")}>
          {(p) => (
            <>
              {verify.isError && <ErrorMessage error={verify.error} />}
              <TableScroll label={t("programmes.claimsTitle")}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("programmes.years")}</th>
                      <th scope="col">{t("programmes.amount")}</th>
                      <th scope="col">{t("programmes.method")}</th>
                      <th scope="col">{t("programmes.evidence")}</th>
                      <th scope="col">{t("programmes.state")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.items.map((c) => (
                      <tr key={c.id}>
                        <td>{fiscalYearLabel(c.fiscalYear, locale)}</td>
                        <td>
                          {formatBaht(c.amount, locale)}
                          {c.programmeIds.length > 1 && (
                            <span className="muted small">
                              {" "}
                              {t("programmes.shared", { count: c.programmeIds.length })}
                            </span>
                          )}
                        </td>
                        <td>{t(`programmes.methods.${c.method}`, { defaultValue: c.method })}</td>
                        <td>
                          {c.evidenceUrl && (
                            <a href={c.evidenceUrl} rel="noreferrer noopener" target="_blank">
                              {c.evidenceUrl}
                            </a>
                          )}
                          {c.evidenceNote && <span> {c.evidenceNote}</span>}
                        </td>
                        <td>
                          <span className={`tag tag-${c.verification}`}>
                            {isVerification(c.verification)
                              ? t(`programmes.verification.${c.verification}`)
                              : c.verification}
                          </span>
                          {c.canVerify && (
                            <span className="claim-actions">
                              <button
                                type="button"
                                className="button button-small button-primary"
                                disabled={verify.isPending}
                                onClick={() => verify.mutate({ claimId: c.id, decision: "verified" })}
                              >
                                {t("programmes.verify")}
                              </button>
                              <button
                                type="button"
                                className="button button-small button-secondary"
                                disabled={verify.isPending}
                                onClick={() => verify.mutate({ claimId: c.id, decision: "rejected" })}
                              >
                                {t("programmes.reject")}
                              </button>
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pagination page={p.page} pageSize={p.pageSize} total={p.total} onPage={setPage} />
            </>
          )}
        </QueryState>
      )}
    </section>
  );
}
