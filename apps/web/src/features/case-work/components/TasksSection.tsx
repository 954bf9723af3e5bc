import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../../api/field-errors";
import { DateInput } from "../../../components/DateInput";
import type { DateFieldValue } from "../../../components/date-input-text";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { FormField } from "../../../components/FormField";
import { useLocale } from "../../../i18n";
import { formatDate } from "../../../lib/format";
import { useAddTaskMutation, useUpdateTaskMutation } from "../mutations";
import type { CaseWorkView } from "../model";

function AddTaskForm({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const add = useAddTaskMutation(requestId);
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState<DateFieldValue>("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = fieldErrorsOf(add.error);
  const errorOf = (field: string) => local[field] ?? server[field] ?? null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check: Record<string, string> = {};
    if (!title.trim()) check.title = t("caseWork.required");
    if (dueOn !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) check.dueOn = t("caseWork.invalidDate");
    setLocal(check);
    if (Object.keys(check).length > 0) return;
    add.mutate(
      { title: title.trim(), dueOn: dueOn === "" ? null : dueOn },
      {
        onSuccess: () => {
          setTitle("");
          setDueOn("");
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={t("caseWork.addTask")}>
      {add.isError && <ErrorMessage error={add.error} placed={["title", "dueOn"]} />}
      <div className="form-grid">
        <FormField label={t("caseWork.taskTitle")} error={errorOf("title")}>
          {(control) => <input {...control} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        <DateInput
          label={t("common.optionalField", { field: t("caseWork.dueOn") })}
          value={dueOn}
          onChange={setDueOn}
          error={errorOf("dueOn")}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-secondary" disabled={add.isPending}>
          {add.isPending ? t("common.saving") : t("caseWork.addTask")}
        </button>
      </div>
    </form>
  );
}

/** Follow-up tasks: open ones first; a checkbox marks one done for those who work the case. */
export function TasksSection({ work }: { work: CaseWorkView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateTaskMutation(work.requestId);
  return (
    <section className="case-work-part" aria-labelledby="case-work-tasks">
      <h3 id="case-work-tasks">{t("caseWork.tasks")}</h3>
      {update.isError && <ErrorMessage error={update.error} />}
      {work.tasks.length === 0 ? (
        <p className="state state-empty">{t("caseWork.tasksEmpty")}</p>
      ) : (
        <ul className="plain-list case-work-list" data-testid="tasks">
          {work.tasks.map((task) => {
            const due = task.dueOn ? t("caseWork.dueOnValue", { date: formatDate(task.dueOn, locale) }) : null;
            return (
              <li key={task.id} className={task.done ? "task-done" : undefined}>
                {work.can.tasks ? (
                  <label className="field-checkbox">
                    <input
                      type="checkbox"
                      checked={task.done}
                      disabled={update.isPending}
                      onChange={(e) => update.mutate({ id: task.id, changes: { done: e.target.checked } })}
                    />{" "}
                    {task.title}
                  </label>
                ) : (
                  <span>
                    {task.done ? "✓ " : ""}
                    {task.title}
                  </span>
                )}
                {due && <span className="muted"> · {due}</span>}
                <span className="muted"> · {task.done ? t("caseWork.taskDone") : t("caseWork.taskOpen")}</span>
              </li>
            );
          })}
        </ul>
      )}
      {work.can.work && <AddTaskForm requestId={work.requestId} />}
    </section>
  );
}
