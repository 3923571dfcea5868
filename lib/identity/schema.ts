import type { Generated } from "kysely";

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  email_verified: Generated<number>;
  locale: string | null;
  picture: string | null;
  phone_number: string | null;
  phone_number_verified: Generated<number>;
  /** JSON of an OpenID Connect address claim. */
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignInFailuresTable {
  key: string;
  count: number;
  last_at: number;
}

export interface Database {
  users: UsersTable;
  sign_in_failures: SignInFailuresTable;
}
