import { useTranslation } from "react-i18next";
import { QueryState } from "../../../components/QueryState";
import { useCaseWork } from "../queries";
import { ConsultationsSection } from "./ConsultationsSection";
import { ResultSection } from "./ResultSection";
import { TasksSection } from "./TasksSection";

/**
 * The case-work panel of a request (issue 13, point 5): consultations and follow-up tasks while the expert works
 * it, the closure with its result, then the firm's rating and the claim the result becomes. Each part shows its
 * forms only to those the server says may use them (`can`).
 */
export function CaseWorkPanel({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const work = useCaseWork(requestId);
  return (
    <section className="case-work card" aria-labelledby="case-work-title">
      <h2 id="case-work-title">{t("caseWork.title")}</h2>
      <QueryState query={work}>
        {(data) => (
          <>
            <ConsultationsSection work={data} />
            <TasksSection work={data} />
            <ResultSection work={data} />
          </>
        )}
      </QueryState>
    </section>
  );
}
