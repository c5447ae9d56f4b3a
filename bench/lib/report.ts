/**
 * The benchmark's figures: each an absolute value, the baseline measured in the same run, their
 * ratio, and the target (on the ratio or on the value). Machines here are noisy and shared, so a
 * ratio to a baseline measured minutes apart says more than an absolute number; both are kept.
 */
export type Target =
  /** The ratio value/baseline must be at least / at most `limit`. */
  | { on: "ratio"; atLeast: number }
  | { on: "ratio"; atMost: number }
  /** The value itself must be at least / at most `limit` (in the figure's unit). */
  | { on: "value"; atLeast: number }
  | { on: "value"; atMost: number };

export type Figure = {
  section: string;
  name: string;
  unit: string;
  /** null: not measured (see note). */
  value: number | null;
  baselineName: string | null;
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  target: Target | null;
  met: boolean | null;
  note?: string;
  /** Everything else worth keeping (percentiles, counts, plans) — in the JSON only. */
  details?: Record<string, unknown>;
};

export function figure(input: {
  section: string;
  name: string;
  unit: string;
  value: number | null;
  baselineName?: string | null;
  baseline?: number | null;
  target?: Target | null;
  note?: string;
  details?: Record<string, unknown>;
}): Figure {
  const baseline = input.baseline ?? null;
  const ratio = input.value !== null && baseline !== null && baseline !== 0 ? input.value / baseline : null;
  const target = input.target ?? null;
  return {
    section: input.section,
    name: input.name,
    unit: input.unit,
    value: input.value,
    baselineName: input.baselineName ?? null,
    baseline,
    ratio,
    target,
    met: target ? judge(target, input.value, ratio) : null,
    ...(input.note ? { note: input.note } : {}),
    ...(input.details ? { details: input.details } : {}),
  };
}

function judge(target: Target, value: number | null, ratio: number | null): boolean | null {
  const x = target.on === "ratio" ? ratio : value;
  if (x === null || !Number.isFinite(x)) return null;
  return "atLeast" in target ? x >= target.atLeast : x <= target.atMost;
}

export function describeTarget(target: Target | null, unit: string): string {
  if (!target) return "—";
  const sign = "atLeast" in target ? "≥" : "≤";
  const limit = "atLeast" in target ? target.atLeast : target.atMost;
  return target.on === "ratio" ? `ratio ${sign} ${limit}` : `${sign} ${limit} ${unit}`.trim();
}

export function formatNumber(n: number | null, unit = ""): string {
  if (n === null || !Number.isFinite(n)) return "—";
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${n.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

/** The table printed at the end of a run (and pasted into docs/performance.md): Markdown. */
export function renderTable(figures: Figure[]): string {
  const header = ["section", "figure", "value", "baseline", "ratio", "target", "met?"];
  const rows = figures.map((f) => [
    f.section,
    f.name,
    f.value === null ? `not measured${f.note ? ` (${f.note})` : ""}` : formatNumber(f.value, f.unit),
    f.baseline === null ? "—" : `${formatNumber(f.baseline, f.unit)}${f.baselineName ? ` (${f.baselineName})` : ""}`,
    f.ratio === null ? "—" : `${f.ratio.toFixed(2)}×`,
    describeTarget(f.target, f.unit),
    f.met === null ? (f.target ? "n/a" : "—") : f.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const notes = figures.filter((f) => f.note && f.value !== null).map((f) => `- ${f.section}, ${f.name}: ${f.note}`);
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ...(notes.length ? ["", ...notes] : [])].join("\n");
}

/** Exact percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function median(values: number[]): number | null {
  return percentile(values, 50);
}
