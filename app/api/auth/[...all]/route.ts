// GET, POST /api/auth/* – Better Auth: sign-in, sign-out, session, and the admin plugin's user endpoints.
import { appContext } from "@/lib/context/current";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return appContext().auth.handler(request);
}

export function POST(request: Request): Promise<Response> {
  return appContext().auth.handler(request);
}
