import "server-only";
import { revalidatePath } from "next/cache";
import type { StaffResult } from "@/server/staff/requests";

/** What a staff action form shows after the server answered. */
export type ActionState = { message?: string; done?: boolean };

/** Refreshes the request page and turns a use case's result into the form's state. */
export async function answer(requestId: string, result: StaffResult): Promise<ActionState> {
  revalidatePath(`/staff/requests/${requestId}`);
  return result.ok ? { done: true } : { message: result.message };
}
