import { expect, test } from "@playwright/test";

// The benchmark's baseline routes (`route.bench.ts`) exist only in its own build (BENCH_ROUTES=1,
// .next-bench); the production build the tests run does not have them.
test("the benchmark's baseline routes are not in the production build", async ({ request }) => {
  expect((await request.post("/bench-baseline/insert")).status()).toBe(404);
  expect((await request.get("/bench-baseline/insert")).status()).toBe(404);
  expect((await request.get("/bench-baseline/static")).status()).toBe(404);
});
