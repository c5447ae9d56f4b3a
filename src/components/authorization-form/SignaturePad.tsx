"use client";

/**
 * A drawn signature: pointer events (mouse, pen, finger) on a canvas sized by CSS (.signature-pad;
 * no inline styles under the CSP). Strokes are kept as points relative to the canvas (0–1), so
 * the drawing survives a resize and leaving the step, and are exported as a PNG of fixed size.
 * Not keyboard-operable by nature: the signature step offers the typed name as the alternative.
 */
import { type PointerEvent as ReactPointerEvent, type RefObject, useCallback, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

export type Stroke = { x: number; y: number }[];

const EXPORT_WIDTH = 600;
const EXPORT_HEIGHT = 200;
const INK = "#1b2430";
const GUIDE = "#c9d1da";

function drawStrokes(ctx: CanvasRenderingContext2D, strokes: Stroke[], width: number, height: number, lineWidth: number) {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = lineWidth;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    if (rest.length === 0) {
      ctx.beginPath();
      ctx.arc(first.x * width, first.y * height, lineWidth / 2, 0, Math.PI * 2);
      ctx.fill();
      continue;
    }
    ctx.beginPath();
    ctx.moveTo(first.x * width, first.y * height);
    for (const p of rest) ctx.lineTo(p.x * width, p.y * height);
    ctx.stroke();
  }
}

/** A signature is a stroke that moves, not a stray tap. */
function hasInk(strokes: Stroke[]): boolean {
  return strokes.some((s) => s.length > 1 && s.some((p) => Math.abs(p.x - s[0]!.x) + Math.abs(p.y - s[0]!.y) > 0.02));
}

function exportPng(strokes: Stroke[]): string {
  const canvas = document.createElement("canvas");
  canvas.width = EXPORT_WIDTH;
  canvas.height = EXPORT_HEIGHT;
  const ctx = canvas.getContext("2d");
  if (!ctx) return "";
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, EXPORT_WIDTH, EXPORT_HEIGHT);
  drawStrokes(ctx, strokes, EXPORT_WIDTH, EXPORT_HEIGHT, 3);
  return canvas.toDataURL("image/png");
}

export function SignaturePad({
  id,
  strokesRef,
  onChange,
  describedBy,
  signed,
  label: givenLabel,
}: {
  id: string;
  /** The drawing area's accessible name (a second pad, the minor's, names itself). */
  label?: string;
  /** Whether a signature is drawn (the form's signature.drawn is set). */
  signed: boolean;
  /** Owned by the wizard, so the drawing outlives this step's unmounting. */
  strokesRef: RefObject<Stroke[]>;
  onChange: (pngDataUrl: string | undefined) => void;
  describedBy?: string;
}) {
  const t = useTranslations("form.signaturePad");
  const label = givenLabel ?? t("label");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Stroke | null>(null);

  const redraw = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.clearRect(0, 0, width, height);
    // A guide line to sign on (screen only; not in the exported image).
    ctx.strokeStyle = GUIDE;
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(width * 0.05, height * 0.75);
    ctx.lineTo(width * 0.95, height * 0.75);
    ctx.stroke();
    drawStrokes(ctx, strokesRef.current, width, height, 2.5 * ratio);
  }, [strokesRef]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    redraw();
    const observer = new ResizeObserver(() => redraw());
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [redraw]);

  const pointAt = (event: ReactPointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x: Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)),
      y: Math.min(1, Math.max(0, (event.clientY - rect.top) / rect.height)),
    };
  };

  const finish = () => {
    if (!drawing.current) return;
    drawing.current = null;
    onChange(hasInk(strokesRef.current) ? exportPng(strokesRef.current) : undefined);
  };

  const clear = () => {
    strokesRef.current = [];
    drawing.current = null;
    redraw();
    onChange(undefined);
  };

  return (
    <div className="signature-pad-wrap">
      <canvas
        id={id}
        ref={canvasRef}
        className="signature-pad"
        role="img"
        tabIndex={-1}
        aria-label={signed ? t("ariaSigned", { label }) : t("ariaEmpty", { label })}
        aria-describedby={describedBy}
        onPointerDown={(event) => {
          if (event.pointerType === "mouse" && event.button !== 0) return;
          event.preventDefault();
          event.currentTarget.setPointerCapture(event.pointerId);
          const stroke: Stroke = [pointAt(event)];
          drawing.current = stroke;
          strokesRef.current = [...strokesRef.current, stroke];
          redraw();
        }}
        onPointerMove={(event) => {
          const stroke = drawing.current;
          if (!stroke) return;
          const native = event.nativeEvent;
          const events = typeof native.getCoalescedEvents === "function" ? native.getCoalescedEvents() : [];
          if (events.length > 0) {
            const rect = event.currentTarget.getBoundingClientRect();
            for (const e of events) {
              stroke.push({
                x: Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width)),
                y: Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height)),
              });
            }
          } else {
            stroke.push(pointAt(event));
          }
          redraw();
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
        onLostPointerCapture={finish}
      />
      <p className="signature-pad-status" aria-live="polite">
        {signed ? t("signed") : t("empty")}
      </p>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={clear}>
          {t("clear")}
        </button>
      </div>
    </div>
  );
}
