import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useLocale } from "../../../i18n";
import { formatNumber } from "../../../lib/format";
import { useAddClusterMembersMutation } from "../mutations";

interface AddClusterMembersProps {
  programmeId: string;
  clusterId: number;
  fiscalYear: number;
  /** The cluster's name and the fiscal year's label, as the row shows them. */
  name: string;
  year: string;
  onAdded: (notice: string) => void;
}

type Preview = { added: number; skipped: number };

/**
 * "Add all of this cluster's members": asks the server first how many current members would be added (and how many
 * are already supported that year), says so, and adds them only when confirmed — all at once, or none.
 */
export function AddClusterMembers({ programmeId, clusterId, fiscalYear, name, year, onAdded }: AddClusterMembersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mutation = useAddClusterMembersMutation(programmeId);
  const [preview, setPreview] = useState<Preview | null>(null);
  const n = (value: number) => formatNumber(value, locale);

  const ask = () =>
    mutation.mutate(
      { clusterId, fiscalYear, dryRun: true },
      { onSuccess: (r) => setPreview({ added: r.added.length, skipped: r.alreadySupported.length }) },
    );
  const confirm = () =>
    mutation.mutate(
      { clusterId, fiscalYear, dryRun: false },
      {
        onSuccess: (r) => {
          setPreview(null);
          onAdded(
            t("programmeAdmin.clusterMembersAdded", {
              count: r.added.length,
              n: n(r.added.length),
              skipped: n(r.alreadySupported.length),
              name,
            }),
          );
        },
      },
    );

  if (preview === null) {
    return (
      <>
        <button
          type="button"
          className="button button-small button-secondary"
          aria-label={t("programmeAdmin.addClusterMembersLabel", { name, year })}
          disabled={mutation.isPending}
          onClick={ask}
        >
          {t("programmeAdmin.addClusterMembers")}
        </button>
        {mutation.isError && <ErrorMessage error={mutation.error} />}
      </>
    );
  }
  const question =
    preview.added === 0
      ? t("programmeAdmin.addClusterMembersNone", { name, year, skipped: n(preview.skipped) })
      : t("programmeAdmin.addClusterMembersConfirm", {
          count: preview.added,
          n: n(preview.added),
          skipped: n(preview.skipped),
          name,
          year,
        });
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="small">{question}</span>{" "}
      {preview.added > 0 && (
        <button
          type="button"
          className="button button-small button-primary"
          disabled={mutation.isPending}
          onClick={confirm}
        >
          {t("programmeAdmin.addClusterMembersYes", { count: preview.added, n: n(preview.added) })}
        </button>
      )}{" "}
      <button type="button" className="button button-small button-secondary" onClick={() => setPreview(null)}>
        {preview.added > 0 ? t("common.cancel") : t("common.close")}
      </button>
      {mutation.isError && <ErrorMessage error={mutation.error} />}
    </span>
  );
}
