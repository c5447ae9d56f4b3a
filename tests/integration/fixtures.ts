import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { StaffIdentity } from "@/server/staff/auth";

type Role = StaffIdentity["role"];

/** Every file the file store holds now (FILE_STORE_DIR is per test run), to check what a use case wrote. */
export async function storedFiles(): Promise<string[]> {
  const root = process.env.FILE_STORE_DIR!;
  const out: string[] = [];
  for (const dir of await readdir(root).catch(() => [])) for (const f of await readdir(path.join(root, dir))) out.push(path.join(root, dir, f));
  return out;
}

/** One signed-in staff member per key, each with its own e-mail (test files share the database). */
export async function staffMembers<K extends string>(prisma: PrismaClient, label: string, roles: Record<K, Role>): Promise<Record<K, StaffIdentity>> {
  const out = {} as Record<K, StaffIdentity>;
  for (const [key, role] of Object.entries(roles) as [K, Role][]) {
    const user = await prisma.staffUser.create({ data: { email: `${label.toLowerCase().replace(/\W+/g, "-")}-${key}-${randomUUID()}@example.com`, name: `${label} ${key}`, role, passwordHash: "x" } });
    out[key] = { id: user.id, email: user.email, name: user.name, role, sessionId: randomUUID() };
  }
  return out;
}
