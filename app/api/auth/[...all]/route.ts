// GET, POST /api/auth/* – Better Auth: sign-in, sign-out, session, and the admin plugin's user endpoints.
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return getAuth().handler(request);
}

export function POST(request: Request): Promise<Response> {
  return getAuth().handler(request);
}
