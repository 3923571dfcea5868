import type { NextApiRequest, NextApiResponse } from "next";
import { problemsOnly } from "@/components/html";
import { config } from "@/lib/config";
import { nextAuthHandler } from "@/lib/server/account/auth";
import { serveProblem } from "@/lib/server/serve";

const notFound = serveProblem("page_not_found", problemsOnly);

/** next-auth's routes (/api/auth/…): the sign-in with Hydra and its callback. Gone when the account page is turned off. */
export default function handler(request: NextApiRequest, response: NextApiResponse) {
  return config().account ? nextAuthHandler(request, response) : notFound(request, response);
}
