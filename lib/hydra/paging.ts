/** Where a listing goes on: the token of the next page, and how many items Hydra counts. */
export type Page = { nextPageToken?: string; total?: number };

type HeadersLike = { get(name: string): string | null };

/** Hydra's bounds (x/pagination.go): a page holds 1 to 1000 items, 250 unless asked. */
export function pageSizeOf(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return 250;
  return Math.min(1000, Math.max(1, Math.trunc(requested)));
}

/** The page token of each relation in an RFC 8288 `Link` header, e.g. `</admin/clients?page_size=2&page_token=…>; rel="next"`. */
export function linkTokens(link: string | null): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const [, target = "", rel = ""] of (link ?? "").matchAll(/<([^>]*)>\s*;\s*rel="?([^";,]+)"?/g)) {
    const token = pageToken(target);
    if (token) tokens.set(rel.trim().toLowerCase(), token);
  }
  return tokens;
}

function pageToken(target: string): string | null {
  try {
    return new URL(target, "http://hydra.invalid").searchParams.get("page_token");
  } catch {
    return null;
  }
}

/** Hydra's paging headers (ory/x tokenpagination): the "next" link's token and X-Total-Count. */
export function parsePaging(headers: HeadersLike): Page {
  const count = headers.get("x-total-count")?.trim();
  return {
    nextPageToken: linkTokens(headers.get("link")).get("next"),
    total: count && /^\d{1,15}$/.test(count) ? Number(count) : undefined,
  };
}

/**
 * The paging of a page that held `received` items. Its "next" link is dropped
 * after a short page: Hydra counts every client or issuer whatever the filter
 * (CountClients, CountGrants), and with nothing to list it still links a
 * "next" page, so only a full page may be followed.
 */
export function pageAfter(headers: HeadersLike, received: number, pageSize: number): Page {
  const page = parsePaging(headers);
  return received >= pageSize ? page : { total: page.total };
}
