import type { RejectOAuth2Request } from "@ory/client-fetch";

/**
 * Hydra's default error name for a rejected login is "login request denied",
 * which no relying party understands; RFC 6749 §4.1.2.1 names it access_denied.
 */
export const deniedByUser: RejectOAuth2Request = {
  error: "access_denied",
  error_description: "The resource owner denied the request",
};
