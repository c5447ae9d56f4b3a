import type { FeeComputation } from "@/domain/fees";

/** What the fee calculator form shows after the server answered. */
export type FeeFormState = {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  computation?: FeeComputation;
  receivedYear?: number;
  /** Set when an earlier year's schedule stands in for a year not entered yet. */
  scheduleNotice?: string | null;
  done?: boolean;
};

export type PaymentFormState = { message?: string; fieldErrors?: Record<string, string[]>; done?: boolean };
