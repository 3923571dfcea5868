import { describe, expect, it } from "vitest";
import { linkTokens, pageAfter, pageSizeOf, parsePaging } from "./paging";

// Headers as Hydra v2.3.0 writes them (ory/x v0.0.675 tokenpagination.PaginationHeader),
// reproduced from its source; tokens are base64url of {"offset":"N","v":2}.
const offset = (n: number) => Buffer.from(`{"offset":"${n}","v":2}`).toString("base64url");
const firstOfFive =
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIyIiwidiI6Mn0>; rel="next",' +
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiI0IiwidiI6Mn0>; rel="last"';
const middleOfFive =
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIwIiwidiI6Mn0>; rel="first",' +
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiI0IiwidiI6Mn0>; rel="next",' +
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIwIiwidiI6Mn0>; rel="prev",' +
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiI0IiwidiI6Mn0>; rel="last"';
const lastOfFive =
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIwIiwidiI6Mn0>; rel="first",' +
  '</admin/clients?page_size=2&page_token=eyJvZmZzZXQiOiIyIiwidiI6Mn0>; rel="prev"';
const emptyFiltered =
  '</admin/clients?client_name=app&page_size=2&page_token=eyJvZmZzZXQiOiIwIiwidiI6Mn0>; rel="first",' +
  '</admin/clients?client_name=app&page_size=2&page_token=eyJvZmZzZXQiOiIyIiwidiI6Mn0>; rel="next",' +
  '</admin/clients?client_name=app&page_size=2&page_token=eyJvZmZzZXQiOiItMiIsInYiOjJ9>; rel="prev"';

const headers = (link: string | null, total: string | null = null) => new Headers({ ...(link ? { link } : {}), ...(total ? { "x-total-count": total } : {}) });

describe("linkTokens", () => {
  it("reads the page token of every relation Hydra links", () => {
    const tokens = linkTokens(middleOfFive);
    expect(Object.fromEntries(tokens)).toEqual({ first: offset(0), next: offset(4), prev: offset(0), last: offset(4) });
  });

  it("keeps the token of a link whose other query values are encoded", () => {
    const link = `</admin/trust/grants/jwt-bearer/issuers?issuer=https%3A%2F%2Fidp.example&page_size=1&page_token=${offset(1)}>; rel="next"`;
    expect(linkTokens(link).get("next")).toBe(offset(1));
  });

  it("accepts spaces between links and absolute URLs", () => {
    const link = `<http://127.0.0.1:4445/admin/clients?page_token=${offset(2)}>; rel=next, <http://x/y?page_token=${offset(0)}> ; rel="first"`;
    expect(Object.fromEntries(linkTokens(link))).toEqual({ next: offset(2), first: offset(0) });
  });

  it("finds nothing in a missing, empty or token-less header", () => {
    expect(linkTokens(null).size).toBe(0);
    expect(linkTokens("").size).toBe(0);
    expect(linkTokens('</admin/clients?page_size=2>; rel="next"').size).toBe(0);
    expect(linkTokens("garbage, <>; rel=").size).toBe(0);
  });
});

describe("parsePaging", () => {
  it("gives the next page and the total of a first page", () => {
    expect(parsePaging(headers(firstOfFive, "5"))).toEqual({ nextPageToken: offset(2), total: 5 });
  });

  it("has no next page on the last page", () => {
    expect(parsePaging(headers(lastOfFive, "5"))).toEqual({ nextPageToken: undefined, total: 5 });
  });

  it("ignores a total that is not a count", () => {
    expect(parsePaging(headers(null, "many")).total).toBeUndefined();
    expect(parsePaging(headers(null, "-1")).total).toBeUndefined();
    expect(parsePaging(headers(null, "0")).total).toBe(0);
  });
});

describe("pageAfter", () => {
  it("follows the next link after a full page", () => {
    expect(pageAfter(headers(middleOfFive, "5"), 2, 2)).toEqual({ nextPageToken: offset(4), total: 5 });
  });

  it("drops the next link Hydra writes when there is nothing to list", () => {
    expect(parsePaging(headers(emptyFiltered, "0")).nextPageToken).toBe(offset(2));
    expect(pageAfter(headers(emptyFiltered, "0"), 0, 2)).toEqual({ total: 0 });
  });

  it("drops the next link after a short page (a filter Hydra's count ignores)", () => {
    expect(pageAfter(headers(firstOfFive, "5"), 1, 2).nextPageToken).toBeUndefined();
  });
});

describe("pageSizeOf", () => {
  it("keeps to Hydra's bounds", () => {
    expect(pageSizeOf(undefined)).toBe(250);
    expect(pageSizeOf(Number.NaN)).toBe(250);
    expect(pageSizeOf(0)).toBe(1);
    expect(pageSizeOf(20.7)).toBe(20);
    expect(pageSizeOf(5000)).toBe(1000);
  });
});
