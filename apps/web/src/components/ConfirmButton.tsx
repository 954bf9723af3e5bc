import { useState } from "react";
import { useTranslation } from "react-i18next";

interface ConfirmButtonProps {
  /** The button's visible text ("Remove", "Delete"). */
  label: string;
  /** Its accessible name, naming what it acts on. */
  accessibleLabel: string;
  /** The question asked before acting. */
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
}

/** A destructive action asked twice: the first press shows the question with confirm and cancel. */
export function ConfirmButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  pending,
  onConfirm,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-small button-secondary"
        aria-label={accessibleLabel}
        disabled={pending}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="small">{question}</span>{" "}
      <button
        type="button"
        className="button button-small button-danger"
        disabled={pending}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>{" "}
      <button type="button" className="button button-small button-secondary" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
    </span>
  );
}
