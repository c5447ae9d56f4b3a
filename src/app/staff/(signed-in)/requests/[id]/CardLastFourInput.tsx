"use client";

import { useState } from "react";
import type { FieldAria } from "@/components/FieldFrame";
import { keepLastFourDigits } from "@/domain/card-digits";

/**
 * The card's last four digits. A pasted or typed full card number is cut to its last four digits
 * as it arrives (no maxLength, which would keep the first four), and a status line says so.
 */
export function CardLastFourInput({ aria, id }: { aria: FieldAria; id: string }) {
  const [value, setValue] = useState("");
  const [dropped, setDropped] = useState(false);
  const noteId = `${id}-kept`;
  return (
    <>
      <input
        {...aria}
        aria-describedby={[aria["aria-describedby"], dropped ? noteId : undefined].filter(Boolean).join(" ") || undefined}
        name="cardLast4"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="input-short"
        required
        value={value}
        onChange={(event) => {
          const kept = keepLastFourDigits(event.target.value);
          setValue(kept.value);
          setDropped(kept.dropped);
        }}
      />
      <span id={noteId} role="status" className="hint">
        {dropped ? `Only the last four digits (${value}) were kept. Never write down the full card number.` : ""}
      </span>
    </>
  );
}
