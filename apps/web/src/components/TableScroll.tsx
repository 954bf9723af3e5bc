import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface TableScrollProps {
  /** What the table holds, for screen readers ("Clusters", "Import report"). */
  label: string;
  className?: string;
  children: ReactNode;
}

type Edges = { overflowing: boolean; moreStart: boolean; moreEnd: boolean };

/**
 * A wide table scrolls sideways inside this box, never the page. When it does not fit, a shadow on the side
 * with more columns and a short hint say so, and the box takes keyboard focus (arrow keys scroll it).
 */
export function TableScroll({ label, className, children }: TableScrollProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ overflowing: false, moreStart: false, moreEnd: false });

  const measure = useCallback(() => {
    const el = area.current;
    if (!el) return;
    const overflowing = el.scrollWidth > el.clientWidth + 1;
    // scrollLeft is negative in a right-to-left box; Thai and English are both left to right.
    const start = Math.abs(el.scrollLeft);
    const next = {
      overflowing,
      moreStart: overflowing && start > 1,
      moreEnd: overflowing && start + el.clientWidth < el.scrollWidth - 1,
    };
    setEdges((current) =>
      current.overflowing === next.overflowing &&
      current.moreStart === next.moreStart &&
      current.moreEnd === next.moreEnd
        ? current
        : next,
    );
  }, []);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The table inside grows as rows arrive.
    for (const child of el.children) observer.observe(child);
    return () => observer.disconnect();
  }, [measure, children]);

  return (
    <div
      className={`table-scroll${className ? ` ${className}` : ""}`}
      data-more-start={edges.moreStart ? "" : undefined}
      data-more-end={edges.moreEnd ? "" : undefined}
    >
      <div
        ref={area}
        className="table-wrap table-scroll-area"
        role="region"
        aria-label={label}
        tabIndex={edges.overflowing ? 0 : undefined}
        onScroll={measure}
      >
        {children}
      </div>
      {edges.overflowing && (
        <p className="table-scroll-hint muted small" aria-hidden="true">
          {t("common.scrollSideways")}
        </p>
      )}
    </div>
  );
}
