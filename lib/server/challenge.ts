import "server-only";
import { challengeSchema } from "@/lib/validations/flow-input";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The page's challenge; proxy.ts has already refused a missing, repeated or malformed one. */
export async function challengeParam(searchParams: SearchParams, name: string): Promise<string> {
  return challengeSchema.parse((await searchParams)[name]);
}
