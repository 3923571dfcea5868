import type { Kysely } from "kysely";
import type { FailureRecord, FailureStore } from "@/lib/security/rate-limit";
import type { Database } from "./schema";

/** Sign-in failures in the accounts database, so every instance that shares it counts together. */
export class DatabaseFailureStore implements FailureStore {
  constructor(private readonly db: () => Promise<Kysely<Database>>) {}

  async get(key: string): Promise<FailureRecord | undefined> {
    const row = await (await this.db()).selectFrom("sign_in_failures").selectAll().where("key", "=", key).executeTakeFirst();
    return row && { count: row.count, lastAt: row.last_at };
  }

  async put(key: string, record: FailureRecord): Promise<void> {
    await (await this.db())
      .insertInto("sign_in_failures")
      .values({ key, count: record.count, last_at: record.lastAt })
      .onConflict((conflict) => conflict.column("key").doUpdateSet({ count: record.count, last_at: record.lastAt }))
      .execute();
  }

  async remove(key: string): Promise<void> {
    await (await this.db()).deleteFrom("sign_in_failures").where("key", "=", key).execute();
  }
}
