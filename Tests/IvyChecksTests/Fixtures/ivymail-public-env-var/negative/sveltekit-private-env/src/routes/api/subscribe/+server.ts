import { json } from "@sveltejs/kit";
import { IVYMAIL_API_KEY } from "$env/static/private";
import { PUBLIC_SITE_NAME } from "$env/static/public";

export async function POST({ request }) {
  const { email } = await request.json();
  await fetch("https://api.ivymail.io/v1/contacts", {
    method: "POST",
    headers: { "x-api-key": IVYMAIL_API_KEY },
    body: JSON.stringify({ email, source: PUBLIC_SITE_NAME }),
  });
  return json({ ok: true });
}
