export const pagingMessageKeys = ["admin.paging.range", "admin.paging.rangeFiltered", "admin.paging.empty"] as const;
export type PagingMessageKey = (typeof pagingMessageKeys)[number];

export type PagingView = {
  /** "21–40 of 57"; "21–40" when the total is unknown or, under a filter, wrong; or "nothing here". */
  summary: { key: PagingMessageKey; values: { first: number; last: number; total?: number } };
  /** Page tokens for the links; absent means no link. */
  next?: string;
  previous?: string;
};

export type PagingInput = {
  pageSize: number;
  /** The page_token of this page; none for the first. */
  pageToken?: string;
  /** The page_token of Hydra's rel="next" Link, if it sent one. */
  nextPageToken?: string;
  /** Hydra's X-Total-Count, if it sent a readable one. */
  total?: number;
  /** Rows on this page. */
  shown: number;
  /** A client_name/owner/issuer filter is on: Hydra's total then still counts everything (CountClients, CountGrants). */
  filtered?: boolean;
};

/**
 * What a console list shows under its table. Hydra v2.3.0 pages by offset
 * (ory/x tokenpagination: page_token is base64url of {"offset":"N","v":2}); it
 * rounds the offset down to a whole page, reads a bad token as offset 0, and on an
 * empty list still sends a "next" link, so its links are not trusted blindly.
 */
export function pagingView(input: PagingInput): PagingView {
  const pageSize = Math.min(Math.max(Math.trunc(input.pageSize) || 1, 1), 1000);
  const offset = Math.floor(tokenOffset(input.pageToken) / pageSize) * pageSize;
  const first = input.shown > 0 ? offset + 1 : 0;
  const last = offset + input.shown;
  const total = input.filtered ? undefined : input.total;
  const key: PagingMessageKey = input.shown === 0 ? "admin.paging.empty" : total === undefined ? "admin.paging.rangeFiltered" : "admin.paging.range";
  const view: PagingView = { summary: { key, values: total === undefined ? { first, last } : { first, last, total } } };
  // A full page with more beyond it; without a trustworthy total, a full page is all there is to go by.
  const more = input.shown === pageSize && (total === undefined || last < total);
  if (input.nextPageToken && more) view.next = input.nextPageToken;
  if (offset > 0) view.previous = pageToken(Math.max(0, offset - pageSize));
  return view;
}

/** Hydra's token for an offset (tokenpagination.Encode). */
export function pageToken(offset: number): string {
  return btoa(`{"offset":"${offset}","v":2}`).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function tokenOffset(token: string | undefined): number {
  if (!token) return 0;
  try {
    const json = atob(token.replaceAll("-", "+").replaceAll("_", "/")) as string;
    const offset = Number((JSON.parse(json) as { offset?: unknown }).offset);
    return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
  } catch {
    return 0;
  }
}
