import { NextResponse } from "next/server";

export async function POST(req: Request) {
  const { email } = await req.json();
  await fetch("https://api.ivymail.io/v1/contacts", {
    method: "POST",
    headers: { "x-api-key": "%KEY%" },
    body: JSON.stringify({ email }),
  });
  return NextResponse.json({ ok: true });
}
