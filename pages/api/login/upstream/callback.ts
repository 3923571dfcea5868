import { html } from "@/components/html";
import { upstreamNoFlowScreen } from "@/components/screens/upstream-screens";
import { problem } from "@/lib/flows/problems";
import { serveUpstreamHop } from "@/lib/server/upstream-hop";
import * as upstream from "@/lib/server/steps/upstream";
import { upstreamResponseSchema } from "@/lib/validations/upstream-input";

export const config = { api: { bodyParser: false } };

/**
 * GET (or, for response_mode=form_post, POST) /login/upstream/callback: the
 * upstream's answer, completed against this browser's sealed checks. The
 * redirect URI every upstream is registered with: <APP_URL>/login/upstream/callback.
 */
export default serveUpstreamHop(
  html(upstreamNoFlowScreen),
  async ({ query, session, challengeCookie, chooseLocale }) => {
    const repeated = [...new Set(query.keys())].some((name) => query.getAll(name).length > 1);
    if (repeated || !upstreamResponseSchema.safeParse(Object.fromEntries(query)).success) return { answer: problem("invalid_request") };
    const answered = await upstream.callback(query, session, challengeCookie);
    if ("noFlow" in answered) return { answer: { kind: "show", view: undefined, locale: chooseLocale(), status: 400 }, challengeCookie: null };
    return answered;
  },
  { formPost: true },
);
