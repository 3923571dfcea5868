import type { NextApiRequest, NextApiResponse } from "next";

/** Liveness: the process answers. Served at /health/alive (next.config.mjs). */
export default function alive(_request: NextApiRequest, response: NextApiResponse) {
  response.setHeader("Cache-Control", "no-store");
  response.status(200).json({ status: "ok" });
}
