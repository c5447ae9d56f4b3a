"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Refreshes the page's server data every `everyMs` while it is shown, at most `times` times: a
 * page that says "being prepared" (the signed PDF, drawn just after submission) shows the result
 * without the person reloading. It renders nothing; the page's own text says what is awaited.
 */
export function RefreshWhilePending({ everyMs = 2000, times = 30 }: { everyMs?: number; times?: number }) {
  const router = useRouter();
  useEffect(() => {
    let count = 0;
    const timer = setInterval(() => {
      count += 1;
      if (count > times) return clearInterval(timer);
      router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs, times]);
  return null;
}
