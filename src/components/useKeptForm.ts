"use client";

import { type FormEvent, useActionState, useTransition } from "react";

/**
 * A server-action form that keeps what was typed when the server answers with an error: it is
 * submitted by hand rather than through <form action>, which React resets after every action. The
 * submit button's name and value are sent too (e.g. intent=issue).
 */
export function useKeptForm<S extends object>(action: (state: Awaited<S>, formData: FormData) => Promise<S>, initial: Awaited<S>, beforeSubmit?: () => void) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const [, startTransition] = useTransition();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    beforeSubmit?.();
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending };
}
