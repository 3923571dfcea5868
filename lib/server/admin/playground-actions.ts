import type { PlaygroundFlow } from "@/lib/admin/playground";
import type { IssuedTokens } from "@/lib/hydra/tokens";
import type { Html } from "@/lib/server/answers";
import { type AccountFormContext, serveAccountForm } from "@/lib/server/account/serve";
import { type PlaygroundTokensForm, playgroundTokensFormSchema } from "@/lib/validations/admin-playground";
import { adminArea } from "./area";
import { hydraRefusal } from "./hydra-refusal";
import { playgroundFlow } from "./playground-session";
import { type PlaygroundAnswerView, type PlaygroundResult, playgroundTokensView } from "./playground-view";

export type PlaygroundAction = (
  form: PlaygroundTokensForm,
  tokens: IssuedTokens,
  context: AccountFormContext & { flow: PlaygroundFlow | undefined },
) => Promise<{ tokens?: IssuedTokens; result: PlaygroundResult } | "expired">;

function tokensOf(form: PlaygroundTokensForm): IssuedTokens {
  return {
    accessToken: form.access_token,
    refreshToken: form.refresh_token || undefined,
    idToken: form.id_token || undefined,
    expiresAt: form.expires_at,
    scope: form.scope || undefined,
  };
}

/**
 * A form on the tokens page: the tokens come in its hidden fields, the
 * client's secret from the sealed cookie (never from the page), and the
 * answer is the tokens page again with the action's outcome, Hydra's
 * refusal in its words included.
 */
export function servePlaygroundAction(act: PlaygroundAction, html: Html<PlaygroundAnswerView>) {
  return serveAccountForm<PlaygroundTokensForm, PlaygroundAnswerView>({
    schema: playgroundTokensFormSchema,
    area: adminArea,
    returnTo: () => "/admin/playground",
    act: async (form, context) => {
      const frame = { email: context.account.user.email, csrf: context.formToken };
      const tokens = tokensOf(form);
      const stored = await playgroundFlow(context.request);
      const flow = stored?.clientId === form.client_id ? stored : undefined;
      let answer: Awaited<ReturnType<PlaygroundAction>>;
      try {
        answer = await act(form, tokens, { ...context, flow });
      } catch (error) {
        const hydraError = hydraRefusal(error);
        return { kind: "page", status: 200, view: { kind: "tokens", ...(await playgroundTokensView(frame, form.client_id, tokens, { hydraError })) } };
      }
      if (answer === "expired") return { kind: "page", status: 200, view: { kind: "problem", ...frame, problem: "expired" } };
      const view = await playgroundTokensView(frame, form.client_id, answer.tokens ?? tokens, { result: answer.result });
      return { kind: "page", status: 200, view: { kind: "tokens", ...view } };
    },
    html,
  });
}
