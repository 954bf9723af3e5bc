import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import type { ImportKind, UploadAnswer } from "../model";
import { BatchProgress } from "./BatchProgress";
import { ChooseFileStep } from "./ChooseFileStep";
import { MappingStep } from "./MappingStep";
import { ResumeBatch } from "./ResumeBatch";

type WizardState =
  | { step: "choose" }
  | { step: "resume"; batchId: string }
  | { step: "preview"; kind: ImportKind; fileName: string; preview: UploadAnswer }
  | { step: "run"; fileName: string; batchId: string };

const STEPS = ["choose", "preview", "run", "report"] as const;

interface ImportWizardProps {
  /** A batch opened from the history: it resumes at the mapping step if it can run, else shows its progress or report. */
  resumeBatchId?: string | null;
  /** "Import another file": the page forgets the batch it was opened with. */
  onStartOver?: () => void;
}

/** The import in four steps: choose and upload a file, match its columns, run it, read the report. */
export function ImportWizard({ resumeBatchId = null, onStartOver }: ImportWizardProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [state, setState] = useState<WizardState>(
    resumeBatchId ? { step: "resume", batchId: resumeBatchId } : { step: "choose" },
  );
  const [finished, setFinished] = useState(false);
  const current = state.step === "run" && finished ? "report" : state.step === "resume" ? "preview" : state.step;
  const resumeAtMapping = useCallback(
    (kind: ImportKind, fileName: string, preview: UploadAnswer) =>
      setState({ step: "preview", kind, fileName, preview }),
    [],
  );
  const showBatch = useCallback(
    (fileName: string) => setState((s) => (s.step === "resume" ? { step: "run", fileName, batchId: s.batchId } : s)),
    [],
  );

  return (
    <div className="import-wizard">
      <nav aria-label={t("imports.steps")}>
        <ol className="stepper">
          {STEPS.map((step, index) => {
            const position = STEPS.indexOf(current);
            return (
              <li
                key={step}
                className={index < position ? "done" : index === position ? "current" : undefined}
                aria-current={index === position ? "step" : undefined}
              >
                <span className="step-number" aria-hidden="true">
                  {index + 1}
                </span>
                {t(`imports.stepNames.${step}`)}
              </li>
            );
          })}
        </ol>
      </nav>
      {state.step === "resume" && (
        <ResumeBatch batchId={state.batchId} onPreview={resumeAtMapping} onShow={showBatch} />
      )}
      {state.step === "choose" && (
        <ChooseFileStep
          onUploaded={(kind, fileName, preview) => setState({ step: "preview", kind, fileName, preview })}
        />
      )}
      {state.step === "preview" && (
        <MappingStep
          kind={state.kind}
          fileName={state.fileName}
          preview={state.preview}
          onBack={() => setState({ step: "choose" })}
          onStarted={(batchId) => {
            setFinished(false);
            setState({ step: "run", fileName: state.fileName, batchId });
          }}
        />
      )}
      {state.step === "run" && (
        <BatchProgress
          batchId={state.batchId}
          fileName={state.fileName}
          onFinished={() => {
            setFinished(true);
            // Imported rows change the registry: lists and pages read afterwards must not be stale.
            void queryClient.invalidateQueries({ queryKey: ["enterprises"] });
            void queryClient.invalidateQueries({ queryKey: ["clusters"] });
          }}
          onStartOver={() => {
            setFinished(false);
            setState({ step: "choose" });
            onStartOver?.();
          }}
        />
      )}
    </div>
  );
}
