import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { QueryState } from "../components/QueryState";
import { TableScroll } from "../components/TableScroll";
import { useDocumentTitle } from "../components/useDocumentTitle";
import { useAgencyName } from "../features/agencies/useAgencyName";
import { useCurrentUser } from "../features/auth/queries";
import { ErrorMessage } from "../components/ErrorMessage";
import { ExpertForm } from "../features/providers/components/ExpertForm";
import { ManagersSection } from "../features/providers/components/ManagersSection";
import { UserPicker } from "../features/providers/components/UserPicker";
import { useSaveExpertMutation } from "../features/providers/mutations";
import { ProviderForm } from "../features/providers/components/ProviderForm";
import { mayManage, type Expert, type Provider } from "../features/providers/model";
import { useExperts, useProvider } from "../features/providers/queries";
import { useRegions } from "../features/provinces/queries";
import { useProvinceName } from "../features/provinces/useProvinceName";
import { useLocale } from "../i18n";
import { localName, pickLocalized } from "../lib/bilingual";

/** One service provider: what it offers and where, and (for signed-in users) its experts. */
export function ProviderPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const provider = useProvider(id);
  return (
    <>
      <p>
        <Link to="/service-providers">{t("providers.back")}</Link>
      </p>
      <QueryState query={provider}>{(p) => <ProviderDetail provider={p} />}</QueryState>
    </>
  );
}

function ProviderDetail({ provider }: { provider: Provider }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const agencyName = useAgencyName();
  const provinceName = useProvinceName();
  const name = pickLocalized(locale, provider.nameTh, provider.nameEn);
  useDocumentTitle(name);
  const [editing, setEditing] = useState(false);
  const canManage = mayManage(user, provider.agencyId);
  return (
    <>
      <h1>{name}</h1>
      <dl className="facts">
        <dt>{t("providers.kind")}</dt>
        <dd>{t(`providers.kinds.${provider.kind}`)}</dd>
        {provider.agencyId !== null && (
          <>
            <dt>{t("providers.agency")}</dt>
            <dd>{agencyName(provider.agencyId) ?? ""}</dd>
          </>
        )}
        <dt>{t("providers.provinces")}</dt>
        <dd>
          {provider.provinceCodes.length === 0
            ? t("providers.noProvinces")
            : provider.provinceCodes.map(provinceName).join(", ")}
        </dd>
        <dt>{t("providers.services")}</dt>
        <dd>{provider.services.map((s) => t(`expertFields.${s}`)).join(", ")}</dd>
        <dt>{t("providers.serviceLevels")}</dt>
        <dd>
          {t("providers.serviceLevelsText", {
            response: provider.serviceLevels.responseDays,
            closure: provider.serviceLevels.closureDays,
          })}
          {provider.responseDays === null && provider.closureDays === null && ` ${t("providers.serviceLevelsDefault")}`}
        </dd>
        {provider.contactPhone && (
          <>
            <dt>{t("providers.contactPhone")}</dt>
            <dd>{provider.contactPhone}</dd>
          </>
        )}
      </dl>
      {canManage &&
        (editing ? (
          <ProviderForm provider={provider} onDone={() => setEditing(false)} />
        ) : (
          <p>
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t("providers.edit")}
            </button>
          </p>
        ))}
      <h2>{t("providers.experts")}</h2>
      {user === null ? (
        <p>{t("providers.expertsSignIn")}</p>
      ) : (
        <>
          <ExpertsSection providerId={provider.id} canManage={canManage} />
          <ManagersSection providerId={provider.id} canManage={canManage} />
        </>
      )}
    </>
  );
}

function ExpertsSection({ providerId, canManage }: { providerId: number; canManage: boolean }) {
  const { t } = useTranslation();
  const experts = useExperts(String(providerId), true);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Expert | null>(null);
  const [linking, setLinking] = useState<Expert | null>(null);
  const save = useSaveExpertMutation();
  return (
    <>
      {canManage &&
        (adding ? (
          <ExpertForm providerId={providerId} onDone={() => setAdding(false)} />
        ) : (
          <p>
            <button type="button" className="button button-primary" onClick={() => setAdding(true)}>
              {t("providers.addExpert")}
            </button>
          </p>
        ))}
      {editing && (
        <ExpertForm key={editing.id} providerId={providerId} expert={editing} onDone={() => setEditing(null)} />
      )}
      {save.isError && <ErrorMessage error={save.error} />}
      <QueryState query={experts} isEmpty={(items) => items.length === 0} empty={t("providers.noExperts")}>
        {(items) => (
          <ExpertTable
            experts={items}
            onEdit={canManage ? setEditing : null}
            onLink={canManage ? setLinking : null}
            onUnlink={canManage ? (e) => save.mutate({ id: e.id, changes: { userId: null } }) : null}
          />
        )}
      </QueryState>
      {linking && (
        <div className="panel">
          <h3>{t("providers.linkTitle", { name: linking.displayName })}</h3>
          <UserPicker
            providerId={providerId}
            purpose="expert"
            label={t("providers.findExpertUser")}
            disabled={save.isPending}
            refuse={(c) => (c.expertId !== null ? t("providers.userLinkedElsewhere") : null)}
            onPick={(c) =>
              save.mutate({ id: linking.id, changes: { userId: c.id } }, { onSuccess: () => setLinking(null) })
            }
          />
          <button type="button" className="button button-secondary" onClick={() => setLinking(null)}>
            {t("providers.cancel")}
          </button>
        </div>
      )}
    </>
  );
}

function ExpertTable({
  experts,
  onEdit,
  onLink,
  onUnlink,
}: {
  experts: readonly Expert[];
  onEdit: ((e: Expert) => void) | null;
  onLink: ((e: Expert) => void) | null;
  onUnlink: ((e: Expert) => void) | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const provinceName = useProvinceName();
  const regions = useRegions();
  const regionName = (code: string) => {
    const region = regions.data?.find((r) => r.code === code);
    return region ? t("providers.regionArea", { name: localName(locale, region) }) : code;
  };
  const areaText = (e: Expert) =>
    e.areas.length === 0
      ? t("providers.everywhere")
      : e.areas.map((a) => (a.type === "province" ? provinceName(a.code) : regionName(a.code))).join(", ");
  return (
    <TableScroll label={t("providers.experts")}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("providers.expertName")}</th>
            <th scope="col">{t("providers.expertFields")}</th>
            <th scope="col">{t("providers.expertProvinces")}</th>
            <th scope="col">{t("providers.capacity")}</th>
            <th scope="col">{t("providers.availability")}</th>
            <th scope="col">{t("providers.account")}</th>
            {onEdit && <th scope="col">{t("providers.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {experts.map((e) => (
            <tr key={e.id}>
              <td>{e.displayName}</td>
              <td>{e.fields.map((f) => t(`expertFields.${f}`)).join(", ")}</td>
              <td>{areaText(e)}</td>
              <td>{e.capacity}</td>
              <td>{e.available ? t("providers.availableYes") : t("providers.availableNo")}</td>
              <td>{e.userId !== null ? t("providers.accountLinked") : t("providers.accountNone")}</td>
              {onEdit && (
                <td>
                  <button type="button" className="button button-secondary" onClick={() => onEdit(e)}>
                    {t("providers.editExpert", { name: e.displayName })}
                  </button>{" "}
                  {e.userId === null
                    ? onLink && (
                        <button type="button" className="button button-secondary" onClick={() => onLink(e)}>
                          {t("providers.linkUser", { name: e.displayName })}
                        </button>
                      )
                    : onUnlink && (
                        <button type="button" className="button button-secondary" onClick={() => onUnlink(e)}>
                          {t("providers.unlinkUser", { name: e.displayName })}
                        </button>
                      )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
