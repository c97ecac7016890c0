import type { APIRoute } from "astro";

export const POST: APIRoute = async ({ request }) => {
  const body = await request.json();
  await fetch("https://api.ivymail.io/v1/contacts", {
    method: "POST",
    headers: { "x-api-key": import.meta.env.IVYMAIL_API_KEY },
    body: JSON.stringify({ email: body.email }),
  });
  return new Response(null, { status: 204 });
};
