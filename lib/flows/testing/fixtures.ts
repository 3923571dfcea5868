import type { ClientInfo, ConsentRequest, LoginRequest, LogoutRequest } from "@/lib/hydra/models";
import type { User } from "@/lib/identity/user";

export const client = (overrides: Partial<ClientInfo> = {}): ClientInfo => ({
  id: "rp",
  name: "Relying Party",
  skipConsent: false,
  skipLogoutConsent: false,
  metadata: {},
  redirectUris: ["http://localhost:5555/callback"],
  postLogoutRedirectUris: [],
  ...overrides,
});

export const loginRequest = (overrides: Partial<LoginRequest> = {}): LoginRequest => ({
  challenge: "login-challenge",
  skip: false,
  subject: "",
  requestedScope: ["openid", "email"],
  requestedAudience: [],
  client: client(),
  requestUrl: "http://localhost:4444/oauth2/auth?client_id=rp",
  oidc: { acrValues: [], uiLocales: [] },
  ...overrides,
});

export const consentRequest = (overrides: Partial<ConsentRequest> = {}): ConsentRequest => ({
  challenge: "consent-challenge",
  skip: false,
  subject: "user-1",
  requestedScope: ["openid", "email", "profile"],
  requestedAudience: [],
  client: client(),
  amr: ["pwd"],
  oidc: { acrValues: [], uiLocales: [] },
  ...overrides,
});

export const logoutRequest = (overrides: Partial<LogoutRequest> = {}): LogoutRequest => ({
  challenge: "logout-challenge",
  subject: "user-1",
  sid: "sid-1",
  rpInitiated: false,
  ...overrides,
});

export const user = (overrides: Partial<User> = {}): User => ({
  roles: [],
  id: "user-1",
  email: "foo@bar.com",
  emailVerified: true,
  name: "Foo Bar",
  phoneNumberVerified: false,
  updatedAt: new Date("2026-01-01T00:00:00Z"),
  ...overrides,
});
