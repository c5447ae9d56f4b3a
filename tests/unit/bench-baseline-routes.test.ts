import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig, { benchBuild, distDir } from "../../next.config";

// The route must answer before it touches the database when the flag is off.
vi.mock("@/server/db", () => ({
  db: () => {
    throw new Error("the database must not be reached");
  },
}));

describe("the benchmark's baseline routes (docs/performance.md)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("are part only of the BENCH_ROUTES=1 build, which has its own folder", () => {
    expect(benchBuild({ BENCH_ROUTES: "1" })).toBe(true);
    expect(benchBuild({})).toBe(false);
    expect(distDir({ BENCH_ROUTES: "1" })).toBe(".next-bench");
    expect(distDir({})).toBe(".next");
    // This test process runs without the flag: the config of every ordinary build.
    expect(nextConfig.pageExtensions).toEqual(["tsx", "ts"]);
    expect(nextConfig.distDir).toBe(".next");
  });

  it("the insert route answers 404, writing nothing, unless the server runs with BENCH_ROUTES=1", async () => {
    vi.stubEnv("BENCH_ROUTES", "");
    const { POST } = await import("@/app/bench-baseline/insert/route.bench");
    const response = await POST();
    expect(response.status).toBe(404);
  });
});
