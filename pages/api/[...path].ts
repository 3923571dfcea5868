import { problemsOnly } from "@/components/html";
import { serveProblem } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

/** Any path no other handler answers, whatever the method: "this page does not exist" (404). */
export default serveProblem("page_not_found", problemsOnly);
