/** An account as the flows see it: profile fields that become OpenID Connect claims. */
export type User = {
  id: string;
  email: string;
  emailVerified: boolean;
  name?: string;
  givenName?: string;
  familyName?: string;
  locale?: string;
  picture?: string;
  phoneNumber?: string;
  phoneNumberVerified: boolean;
  address?: Record<string, string>;
  updatedAt: Date;
  /** The account page's sessions begun before this are over. */
  sessionsEndedAt?: Date;
  /** Roles granted by the users CLI, e.g. "admin". */
  roles: string[];
};
