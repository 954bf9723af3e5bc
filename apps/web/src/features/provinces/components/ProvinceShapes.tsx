import { useMemo, useState, type KeyboardEvent } from "react";
import { geoMercator, geoPath } from "d3-geo";
import type { ProvinceBoundaries, ProvinceFeature } from "../model";

interface ProvinceShapesProps {
  boundaries: ProvinceBoundaries;
  /** Accessible name of the whole map. */
  title: string;
  width?: number;
  height?: number;
  fill: (feature: ProvinceFeature) => string;
  /** Province name (and more) for the tooltip and, when interactive, the accessible name. */
  label: (feature: ProvinceFeature) => string;
  /** When given, every province is a focusable link activated by click, Enter or Space. */
  onActivate?: (feature: ProvinceFeature) => void;
  /** Provinces to fade out (e.g. outside the highlighted cluster). */
  dimmed?: (feature: ProvinceFeature) => boolean;
  /** Fit the projection to these provinces only (a zoomed view); the whole country by default. */
  fitTo?: (feature: ProvinceFeature) => boolean;
  className?: string;
}

interface Shape {
  feature: ProvinceFeature;
  d: string;
  cx: number;
  cy: number;
}

/** Thailand's provinces as SVG paths, projected with Mercator fitted to the drawing. */
export function ProvinceShapes({
  boundaries,
  title,
  width = 560,
  height = 1000,
  fill,
  label,
  onActivate,
  dimmed,
  fitTo,
  className,
}: ProvinceShapesProps) {
  const [active, setActive] = useState<string | null>(null);

  const shapes = useMemo<Shape[]>(() => {
    const focus = fitTo ? boundaries.features.filter(fitTo) : boundaries.features;
    // A zoomed view keeps a margin of neighbours around the focus, so the provinces read in context.
    const pad = Math.round(Math.min(width, height) * (fitTo ? 0.12 : 0.03));
    const projection = geoMercator().fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      { type: "FeatureCollection", features: focus.length > 0 ? focus : boundaries.features },
    );
    const path = geoPath(projection);
    return boundaries.features.map((feature) => {
      const [cx, cy] = path.centroid(feature);
      return { feature, d: path(feature) ?? "", cx, cy };
    });
  }, [boundaries, width, height, fitTo]);

  const activeShape = shapes.find((shape) => shape.feature.properties.code === active) ?? null;

  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, feature: ProvinceFeature) => {
    if (!onActivate) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onActivate(feature);
    }
  };

  return (
    <div className={`province-map ${className ?? ""}`}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role={onActivate ? "group" : "img"}
        aria-label={title}
        preserveAspectRatio="xMidYMid meet"
      >
        {shapes.map(({ feature, d }) => {
          const code = feature.properties.code;
          const faded = dimmed?.(feature) ?? false;
          return (
            <path
              key={code}
              d={d}
              data-province-code={code}
              className={`province${faded ? " province-dimmed" : ""}${active === code ? " province-active" : ""}`}
              fill={fill(feature)}
              role={onActivate ? "link" : undefined}
              tabIndex={onActivate ? 0 : undefined}
              aria-label={onActivate ? label(feature) : undefined}
              onClick={onActivate ? () => onActivate(feature) : undefined}
              onKeyDown={onActivate ? (event) => onKeyDown(event, feature) : undefined}
              onPointerEnter={() => setActive(code)}
              onPointerLeave={() => setActive((current) => (current === code ? null : current))}
              onFocus={() => setActive(code)}
              onBlur={() => setActive((current) => (current === code ? null : current))}
            />
          );
        })}
        {activeShape && (
          // Drawn again on top so the highlighted outline is not hidden under its neighbours.
          <path d={activeShape.d} className="province-outline" aria-hidden="true" />
        )}
      </svg>
      {activeShape && (
        <div
          className="map-tooltip"
          aria-hidden="true"
          style={{ left: `${(activeShape.cx / width) * 100}%`, top: `${(activeShape.cy / height) * 100}%` }}
        >
          {label(activeShape.feature)}
        </div>
      )}
    </div>
  );
}
