import { clientFormMessageKeys } from "./client-fields";
import { issuerFormMessageKeys } from "./issuer-form";
import { jsonPatchMessageKeys } from "./json-patch";
import { jwkMessageKeys } from "./jwk";
import { lifespanMessageKeys } from "./lifespans";
import { pagingMessageKeys } from "./paging-view";

/** Every message key lib/admin can return, for filling messages/<locale>.json. */
export const adminMessageKeys = [
  ...clientFormMessageKeys,
  ...lifespanMessageKeys,
  ...jsonPatchMessageKeys,
  ...jwkMessageKeys,
  ...issuerFormMessageKeys,
  ...pagingMessageKeys,
] as const;
export type AdminMessageKey = (typeof adminMessageKeys)[number];
