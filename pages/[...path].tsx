import { problem } from "@/lib/flows/problems";
import { servePage } from "@/lib/server/serve";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** Any path no other page answers: "this page does not exist", with the status and headers of every other page. */
export const getServerSideProps = servePage<never>(async () => problem("page_not_found"));

export default function NoSuchPage() {
  return null;
}
