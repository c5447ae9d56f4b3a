import type { FeeComputation } from "@/domain/fees";

/** What the fee calculator form shows after the server answered. */
export type FeeFormState = {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  computation?: FeeComputation;
  receivedYear?: number;
  done?: boolean;
};

export type PaymentFormState = { message?: string; fieldErrors?: Record<string, string[]>; done?: boolean };
