import { NextResponse } from "next/server";
import { IvyMail } from "@ivymail/node";

const ivymail = new IvyMail({ apiKey: process.env.IVYMAIL_API_KEY });

export async function POST(req: Request) {
  const { email } = await req.json();
  await ivymail.emails.send({ from: "web@acme.dev", to: "sales@acme.dev", subject: `Contact from ${email}` });
  return NextResponse.json({ ok: true });
}
