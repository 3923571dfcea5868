import { html } from "@/components/html";
import { type IssuersView, issuersScreen } from "@/components/screens/admin-issuers";
import { pagingView } from "@/lib/admin/paging-view";
import { listIssuers } from "@/lib/hydra/jwt-issuers";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { issuerListQuerySchema, issuerNoticeSchema } from "@/lib/validations/admin-issuers";

export const config = { api: { bodyParser: false } };

const pageSize = 50;

/** GET /admin/issuers?issuer=&page_token=: the trusted JWT grant issuers, page by page (listTrustedOAuth2JwtGrantIssuers). */
export default serveAccountPage<IssuersView>(
  async ({ account, formToken, page }) => {
    const query = issuerListQuerySchema.parse(page.query);
    const listed = await listIssuers({ issuer: query.issuer, pageSize, pageToken: query.page_token });
    const paging = pagingView({
      pageSize,
      pageToken: query.page_token,
      nextPageToken: listed.nextPageToken,
      total: listed.total,
      shown: listed.issuers.length,
      filtered: query.issuer !== "",
    });
    return {
      kind: "show",
      view: {
        email: account.user.email,
        csrf: formToken,
        filter: { issuer: query.issuer },
        issuers: listed.issuers,
        paging,
        notice: issuerNoticeSchema.parse(page.query.done ?? null),
      },
    };
  },
  html(issuersScreen),
  { area: adminArea },
);
