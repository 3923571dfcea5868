import { describe, expect, it } from "vitest";
import { pageToken, pagingView } from "./paging-view";

// What Hydra v2.3.0 sends: base64url of {"offset":"20","v":2}, without padding.
const offset20 = "eyJvZmZzZXQiOiIyMCIsInYiOjJ9";

describe("pagingView", () => {
  it("shows 21–40 of 57 on the second page, with both links", () => {
    expect(pagingView({ pageSize: 20, pageToken: offset20, nextPageToken: pageToken(40), total: 57, shown: 20 })).toEqual({
      summary: { key: "admin.paging.range", values: { first: 21, last: 40, total: 57 } },
      next: pageToken(40),
      previous: pageToken(0),
    });
  });

  it("writes tokens exactly as Hydra does", () => {
    expect(pageToken(20)).toBe(offset20);
  });

  it("has no next link on the last page", () => {
    const view = pagingView({ pageSize: 20, pageToken: pageToken(40), total: 57, shown: 17 });
    expect(view.summary.values).toEqual({ first: 41, last: 57, total: 57 });
    expect(view.next).toBeUndefined();
  });

  it("has no next link when the last page is exactly full", () => {
    expect(pagingView({ pageSize: 20, pageToken: pageToken(20), nextPageToken: pageToken(40), total: 40, shown: 20 }).next).toBeUndefined();
  });

  it("ignores the next link Hydra sends for an empty list", () => {
    expect(pagingView({ pageSize: 20, nextPageToken: pageToken(20), total: 0, shown: 0 })).toEqual({
      summary: { key: "admin.paging.empty", values: { first: 0, last: 0, total: 0 } },
    });
  });

  it("on the first page offers no previous link", () => {
    const view = pagingView({ pageSize: 20, nextPageToken: pageToken(20), total: 57, shown: 20 });
    expect(view.summary.values).toEqual({ first: 1, last: 20, total: 57 });
    expect(view.previous).toBeUndefined();
    expect(view.next).toBe(pageToken(20));
  });

  it("leaves the total out of a filtered list, where Hydra counts everything, and follows only a full page", () => {
    const short = pagingView({ pageSize: 20, nextPageToken: pageToken(20), total: 500, shown: 3, filtered: true });
    expect(short.summary).toEqual({ key: "admin.paging.rangeFiltered", values: { first: 1, last: 3 } });
    expect(short.next).toBeUndefined();
    const full = pagingView({ pageSize: 3, nextPageToken: pageToken(3), total: 500, shown: 3, filtered: true });
    expect(full.next).toBe(pageToken(3));
  });

  it("does without a total Hydra did not send", () => {
    const view = pagingView({ pageSize: 20, pageToken: offset20, nextPageToken: pageToken(40), shown: 20 });
    expect(view.summary).toEqual({ key: "admin.paging.rangeFiltered", values: { first: 21, last: 40 } });
    expect(view.next).toBe(pageToken(40));
  });

  it("reads offsets the way Hydra does: rounded down to a page, garbage as the first page", () => {
    expect(pagingView({ pageSize: 20, pageToken: pageToken(35), total: 57, shown: 20 }).summary.values.first).toBe(21);
    expect(pagingView({ pageSize: 20, pageToken: "not-a-token!", total: 57, shown: 20 }).summary.values.first).toBe(1);
    expect(pagingView({ pageSize: 20, pageToken: pageToken(-40), total: 57, shown: 20 }).summary.values.first).toBe(1);
  });
});
