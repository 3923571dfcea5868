import type { PagingView } from "@/lib/admin/paging-view";

/** The previous and next links under a console list; Hydra's first page has no token. */
export function Pager({ paging, href, previous, next }: { paging: PagingView; href: (token?: string) => string; previous: string; next: string }) {
  return (
    <ul className="pager">
      {paging.previous !== undefined && (
        <li>
          <a href={href(paging.previous || undefined)} rel="prev">
            {previous}
          </a>
        </li>
      )}
      {paging.next && (
        <li>
          <a href={href(paging.next)} rel="next">
            {next}
          </a>
        </li>
      )}
    </ul>
  );
}
