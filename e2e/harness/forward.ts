import { type IncomingMessage, type ServerResponse, request } from "node:http";

/** Passes one request on to `hostname:port` as it came and streams the answer back unchanged (502 if the upstream fails). */
export function forwardRequest(req: IncomingMessage, res: ServerResponse, upstream: { hostname: string; port: number | string }): void {
  const outgoing = request({ ...upstream, path: req.url ?? "/", method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  outgoing.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(outgoing);
}
