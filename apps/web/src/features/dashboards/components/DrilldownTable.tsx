import { useTranslation } from "react-i18next";
import { QueryState } from "../../../components/QueryState";
import { useLocale } from "../../../i18n";
import { localName } from "../../../lib/bilingual";
import type { DrillUnit, UnitRef } from "../model";
import { useIndicatorDrilldown } from "../queries";
import { formatFigure } from "./figures";
import { StatusChip } from "./StatusChip";
import { TableScroll } from "../../../components/TableScroll";

const DRILLABLE = new Set(["nation", "region", "provincial_cluster", "province"]);

/** The unit's figure and its children's, with breadcrumbs back up; a child that has children is a button. */
export function DrilldownTable({
  indicatorId,
  period,
  unit,
  onUnit,
}: {
  indicatorId: string;
  period: string;
  unit: UnitRef;
  onUnit: (unit: UnitRef) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useIndicatorDrilldown(indicatorId, period, unit);
  return (
    <QueryState query={query}>
      {(data) => (
        <>
          <nav aria-label={t("indicator.breadcrumb")} className="breadcrumbs">
            <ol>
              {data.parents.map((parent) => (
                <li key={`${parent.type}:${parent.code}`}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onUnit({ type: parent.type, code: parent.code })}
                  >
                    {localName(locale, parent)}
                  </button>
                </li>
              ))}
              <li aria-current="page">{localName(locale, data.unit)}</li>
            </ol>
          </nav>
          <p className="drill-unit">
            <strong>{localName(locale, data.unit)}</strong>: {formatFigure(data.unit.value, locale)}{" "}
            <StatusChip achievement={data.unit.achievement} />
          </p>
          {data.children.length === 0 ? (
            <p className="muted">{t("indicator.noChildren")}</p>
          ) : (
            <TableScroll label={t("indicator.drilldown")}>
              <table className="table drill-table">
                <thead>
                  <tr>
                    <th scope="col">{t("indicator.unit")}</th>
                    <th scope="col">{t("indicator.unitType")}</th>
                    <th scope="col" className="num">
                      {t("dashboard.actual")}
                    </th>
                    <th scope="col">{t("dashboard.status")}</th>
                    <th scope="col">{t("dashboard.coverage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.children.map((child) => (
                    <ChildRow key={`${child.type}:${child.code}`} child={child} onUnit={onUnit} />
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </QueryState>
  );
}

function ChildRow({ child, onUnit }: { child: DrillUnit; onUnit: (unit: UnitRef) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = localName(locale, child);
  return (
    <tr data-unit={`${child.type}:${child.code}`}>
      <th scope="row">
        {DRILLABLE.has(child.type) ? (
          <button type="button" className="link-button" onClick={() => onUnit({ type: child.type, code: child.code })}>
            {name}
          </button>
        ) : (
          name
        )}
      </th>
      <td>{t(`indicator.unitTypes.${unitTypeKey(child.type)}`)}</td>
      <td className="num">{formatFigure(child.value, locale)}</td>
      <td>
        <StatusChip achievement={child.achievement} showReason={false} />
      </td>
      <td>
        {child.coverage
          ? t("dashboard.coverageValue", { reported: child.coverage.reported, expected: child.coverage.expected })
          : "–"}
      </td>
    </tr>
  );
}

const UNIT_TYPES = ["nation", "region", "provincial_cluster", "province", "cluster", "programme"] as const;
function unitTypeKey(type: string): (typeof UNIT_TYPES)[number] {
  return UNIT_TYPES.find((u) => u === type) ?? "cluster";
}
