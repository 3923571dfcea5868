/**
 * Manage local accounts: npm run users -- add|list|remove|set-password|grant|revoke|factors|reset-factors
 * Uses the app's database: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite, default .data/accounts.sqlite).
 */
import { parseArgs } from "node:util";
import { parseDatabaseConfig } from "@/lib/config";
import { openStore } from "@/lib/identity/db";
import { createUser, findUserByEmail, hasPassword, listUsers, removeUser, setPassword, setRole } from "@/lib/identity/users";
import { factorSummary, removeAllFactors } from "@/lib/second-factor/store";
import { linksOf } from "@/lib/upstream/store";

const usage = `Usage:
  npm run users -- add <email> <password> [--name N] [--given-name G] [--family-name F] [--email-verified] [--locale L] [--phone P]
  npm run users -- list
  npm run users -- remove <email>
  npm run users -- set-password <email> <password>
  npm run users -- grant <email> admin      (the admin console's role; never self-service)
  npm run users -- revoke <email> admin
  npm run users -- factors <email>          (password set or not, upstream links, the authenticator app, recovery codes left, passkeys)
  npm run users -- reset-factors <email>    (removes them all, e.g. after a lost phone; the password stays)`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      "given-name": { type: "string" },
      "family-name": { type: "string" },
      "email-verified": { type: "boolean" },
      locale: { type: "string" },
      phone: { type: "string" },
      "if-absent": { type: "boolean" },
    },
  });
  const [command, email, password] = positionals;
  const role = password;
  const { db: database } = await openStore(parseDatabaseConfig(process.env));
  try {
    switch (command) {
      case "add": {
        if (!email || !password) break;
        const existing = (await listUsers(database)).find((user) => user.email === email.toLowerCase());
        if (existing && values["if-absent"]) {
          console.log(`exists ${existing.id} ${existing.email}`);
          return 0;
        }
        const user = await createUser(
          {
            email,
            password,
            name: values.name,
            givenName: values["given-name"],
            familyName: values["family-name"],
            emailVerified: values["email-verified"],
            locale: values.locale,
            phoneNumber: values.phone,
          },
          database,
        );
        console.log(`added ${user.id} ${user.email}`);
        return 0;
      }
      case "list":
        for (const user of await listUsers(database)) console.log(`${user.id}\t${user.email}\t${user.name ?? ""}\t${user.roles.join(" ")}`);
        return 0;
      case "remove":
        if (!email) break;
        console.log((await removeUser(email, database)) ? `removed ${email}` : `no account ${email}`);
        return 0;
      case "grant":
      case "revoke": {
        if (!email || role !== "admin") break;
        const granted = command === "grant";
        if (!(await setRole(email, role, granted, database))) {
          console.error(`no account ${email}`);
          return 1;
        }
        console.log(`${granted ? "granted" : "revoked"} ${role} ${granted ? "to" : "from"} ${email}`);
        return 0;
      }
      case "factors":
      case "reset-factors": {
        if (!email) break;
        const user = await findUserByEmail(email, database);
        if (!user) {
          console.error(`no account ${email}`);
          return 1;
        }
        if (command === "reset-factors") {
          await removeAllFactors(user.id, database);
          console.log(`removed the second factors and passkeys of ${user.email}`);
          return 0;
        }
        const summary = await factorSummary(user.id, database);
        console.log(`password\t${(await hasPassword(user.id, database)) ? "set" : "none"}`);
        const links = await linksOf(user.id, database);
        for (const link of links) console.log(`upstream\t${link.provider}\t${link.subject}\tlinked ${link.createdAt.toISOString()}\tlast used ${link.lastUsedAt?.toISOString() ?? "never"}`);
        if (links.length === 0) console.log("upstream links\tnone");
        console.log(`authenticator app\t${summary.app.replace("_", " ")}`);
        console.log(`recovery codes left\t${summary.recoveryCodesLeft}`);
        for (const passkey of summary.passkeys) console.log(`passkey\t${passkey.name}\tadded ${passkey.createdAt}\tlast used ${passkey.lastUsedAt ?? "never"}`);
        if (summary.passkeys.length === 0) console.log("passkeys\tnone");
        return 0;
      }
      case "set-password":
        if (!email || !password) break;
        console.log((await setPassword(email, password, database)) ? `password set for ${email}` : `no account ${email}`);
        return 0;
    }
    console.error(usage);
    return 2;
  } finally {
    await database.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
