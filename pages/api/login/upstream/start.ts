import { problemsOnly } from "@/components/html";
import { problem } from "@/lib/flows/problems";
import { serveUpstreamHop } from "@/lib/server/upstream-hop";
import * as upstream from "@/lib/server/steps/upstream";
import { challengeSchema } from "@/lib/validations/flow-input";
import { providerIdSchema } from "@/lib/validations/upstream-input";

export const config = { api: { bodyParser: false } };

/** GET /login/upstream/start?login_challenge=…&provider=…: off to the upstream's authorization endpoint. */
export default serveUpstreamHop(problemsOnly, async ({ query, session }) => {
  const challenge = challengeSchema.safeParse(single(query, "login_challenge"));
  const provider = providerIdSchema.safeParse(single(query, "provider"));
  if (!challenge.success || !provider.success) return { answer: problem("invalid_request") };
  return upstream.begin(challenge.data, provider.data, session);
});

function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  return values.length === 1 ? values[0] : undefined;
}
