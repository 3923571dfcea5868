import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { processWide } from "./process-wide";

/** What code deep inside a request (the Hydra client, the logger) may know about it without being handed it. */
export type RequestContext = { readonly requestId: string };

const storage = processWide("request-context", () => new AsyncLocalStorage<RequestContext>());

/**
 * The id a proxy or balancer gave the request is kept, so one id follows it
 * through their logs, ours and Hydra's. Only a short token of a safe alphabet
 * is taken: a header that could break a log line or a header (spaces, quotes,
 * commas of a repeated header, control characters) or bloat every line is
 * replaced by a fresh UUID.
 */
const wellFormedRequestId = /^[A-Za-z0-9._:+/=-]{1,128}$/;

export function acceptedRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" && wellFormedRequestId.test(header) ? header : undefined;
}

export function requestIdFrom(header: string | string[] | undefined): string {
  return acceptedRequestId(header) ?? randomUUID();
}

/** Runs `run` (and everything it awaits) as part of this request. */
export function inRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The id of the request being answered, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
